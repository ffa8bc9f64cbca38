import ArgumentParser
import Foundation
import QadamGeo
import QadamContract

/// What to shade a report's districts by.
enum ReportShade: String, CaseIterable, ExpressibleByArgument {
    /// Population-weighted share of the norms of each settlement's class that are met (`provision`).
    case provision
    /// Share of people within the norm of one kind (`coverage`).
    case coverage
    /// Seats missing for the demand of one kind (`deficit`).
    case deficit
}

/// Builds a `ReportModel` from protocol methods only (`districts`, `provision`, `gaps`,
/// `audit`, and `coverage` or `deficit` for those shadings), so a report can be made
/// in-process or from a daemon alike.
struct ReportBuilder {
    let backend: any QueryBackend
    let area: String?
    let language: ReportLanguage
    let shade: ReportShade
    let kind: FacilityKind
    let gapCount: Int

    func build(generatedAt: Date = Date()) throws -> ReportModel {
        let t = ReportTexts.of(language)
        let map = try backend.call(RPC.Districts.self, .init(area: area, includeDemand: true)).result
        let shapes = map.districts
        // Districts of a national map are oblasts; below that, the most specific district.
        let groupKey: GroupBy = map.level == .oblast ? .oblast : .district
        let provisionAnswer = try backend.call(RPC.Provision.self,
            MeasureRequest(MeasureParams(area: area, groupBy: [groupKey, .settlementClass]), RowLimit(limit: 0)))
        let provision = provisionAnswer.result
        func groups(_ key: GroupBy) -> [ProvisionGroup] { provision.groups.filter { $0.key == key.rawValue } }
        let byDistrict = Dictionary(groups(groupKey).map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })

        // Gaps are per settlement and kind; ask for enough to find `gapCount` settlements.
        let gaps = try backend.call(RPC.Gaps.self, MeasureRequest(MeasureParams(area: area), RowLimit(limit: gapCount * 8))).result
        let settlements = try backend.call(RPC.Audit.Layer.self, .init(layer: .settlements, area: area, originsOnly: true)).result
        let points = Dictionary((settlements.origins ?? []).map { ($0.id, $0.at) }, uniquingKeysWith: { a, _ in a })
        let normSources = Dictionary(settlements.norms.map { ($0.id, $0.source.document) }, uniquingKeysWith: { a, _ in a })
        func sources(_ ids: [String]) -> [String] { Array(Set(ids.compactMap { normSources[$0] })).sorted() }

        let (shading, values, shadeTable, outsideNorm) = try shadeData(groupKey: groupKey, provision: byDistrict, texts: t)
        let names = shapes.map { s in s.name ?? s.id }
        let districts = zip(shapes, names).map { shape, name -> ReportDistrict in
            let id = shape.id
            let value = values[id]
            return ReportDistrict(name: name, polygons: shape.polygons, value: value.map { $0.value },
                                  label: value?.label ?? "")
        }
        var tables = [ReportTable(
            title: t.provisionTable, columns: [t.district, t.settlements, t.population, t.required, t.met, t.share],
            rows: zip(shapes, names).map { shape, name in
                let g = byDistrict[shape.id]
                return [name, Self.integer(g.map { Double($0.settlements) }), Self.integer(g?.population),
                        Self.integer(g.map { Double($0.required) }), Self.integer(g.map { Double($0.met) }),
                        Self.percent(g?.populationWeightedShare)]
            },
            normIDs: provision.norms, sources: sources(provision.norms))]
        if let shadeTable { tables.append(shadeTable) }
        let gapRows = Self.worstSettlements(gaps.gaps, count: gapCount)
        let gapNorms = Array(Set(gapRows.compactMap(\.norm))).sorted()
        tables.append(ReportTable(title: t.gapsTable, columns: [t.gap, t.kind, t.population],
                                  rows: gapRows.map { [$0.sentence, $0.kind, Self.integer($0.population)] },
                                  normIDs: gapNorms, sources: sources(gapNorms)))

        let classBars = groups(.settlementClass).map { g in
            ReportBar(label: g.value, share: g.populationWeightedShare ?? .nan)
        }
        let districtBars = zip(shapes, names).map { shape, name in
            ReportBar(label: name, share: byDistrict[shape.id]?.populationWeightedShare ?? .nan)
        }
        let areaName = map.area.map { $0.name ?? $0.id } ?? t.country
        var parameters = [ReportParameter("area", area ?? "(all)"), ReportParameter("shade", shade.rawValue)]
        if shade != .provision { parameters.append(ReportParameter("kind", kind.rawValue)) }
        if let check = provision.checks.first {
            parameters.append(ReportParameter("basis", check.basis.rawValue))
            if let detour = check.detourFactor { parameters.append(ReportParameter("detour_factor", TabularValue.plain(detour))) }
        }
        parameters.append(ReportParameter("norms", provision.norms.joined(separator: ", ")))
        var notes = [t.modelledKindsNote]
        if shapes.isEmpty { notes.insert(t.noDistrictShapes, at: 0) }

        var model = ReportModel(
            title: t.title, areaName: areaName, datasetHash: provisionAnswer.snapshot ?? "",
            parameters: parameters, generatedAt: generatedAt, language: language, shading: shading, districts: districts,
            facilities: map.facilities.map { ReportFacility(point: $0.at, kind: $0.kind.rawValue, name: $0.name ?? $0.id) },
            worstGaps: Self.groupedBySettlement(gapRows).compactMap { id, rows in
                guard let point = points[id] else { return nil }
                let kinds = rows.map(\.kind).joined(separator: ", ")
                return ReportGap(point: point, label: "\(rows[0].name) (\(kinds))", population: Int(rows[0].population))
            },
            tables: tables,
            charts: [ReportBarChart(subject: .provisionByDistrict, bars: districtBars),
                     ReportBarChart(subject: .provisionBySettlementClass, bars: classBars)])
        model.notes = notes
        model.demand = (map.demand ?? []).map { d in
            ReportDemandPoint(point: d.at, population: d.population, withinNorm: outsideNorm.map { !$0.contains(d.id) })
        }
        return model
    }

    /// The legend, each district's value and tooltip, the shading measure's own table, and for
    /// coverage the ids of the demand points outside the norm (to colour the people on the map).
    private func shadeData(groupKey: GroupBy, provision: [String: ProvisionGroup], texts t: ReportTexts) throws
        -> (ReportShading, [String: (value: Double, label: String)], ReportTable?, Set<String>?) {
        let params = MeasureParams(kind: kind, area: area, groupBy: [groupKey])
        switch shade {
        case .provision:
            let values = provision.compactMapValues { g -> (value: Double, label: String)? in
                guard let share = g.populationWeightedShare else { return nil }
                return (share, "\(Self.percent(share)) (\(g.met)/\(g.required))")
            }
            return (ReportShading(title: t.provisionShading, scale: .share, higherIsBetter: true), values, nil, nil)
        case .coverage:
            let result = try backend.call(RPC.Coverage.self, MeasureRequest(params, RowLimit(limit: Int(Int32.max)))).result
            let outside = Set(result.outside.map(\.point.id))
            let rows = result.groups.filter { $0.key == groupKey.rawValue }
            var values: [String: (value: Double, label: String)] = [:]
            for g in rows {
                guard let share = g.coveredShare else { continue }
                values[g.value] = (share, Self.percent(share))
            }
            let table = ReportTable(title: "\(t.coverageTable): \(kind.rawValue)", columns: [t.district, t.population, t.covered, t.share],
                                    rows: rows.map { [$0.name ?? $0.value, Self.integer($0.totalPopulation),
                                                      Self.integer($0.coveredPopulation), Self.percent($0.coveredShare)] },
                                    normIDs: result.norm.map { [$0] } ?? [])
            return (ReportShading(title: "\(t.coverageShading): \(kind.rawValue)", scale: .share, higherIsBetter: true), values, table, outside)
        case .deficit:
            let result = try backend.call(RPC.Deficit.self, MeasureRequest(params, .init())).result
            var values: [String: (value: Double, label: String)] = [:]
            for r in result.rows {
                guard let deficit = r.deficit else { continue }
                values[r.group] = (deficit, Self.integer(deficit))
            }
            let table = ReportTable(title: "\(t.deficitTable): \(kind.rawValue)", columns: [t.district, t.demand, t.seats, t.deficit],
                                    rows: result.rows.map { [$0.name ?? $0.group, Self.integer($0.demand),
                                                             Self.integer($0.seats), Self.integer($0.deficit)] },
                                    normIDs: result.capacityNorm.map { [$0] } ?? [])
            return (ReportShading(title: "\(t.deficitShading): \(kind.rawValue)", scale: .number(unit: ""), higherIsBetter: false), values, table, nil)
        }
    }

    /// The gaps of the first `count` settlements in the ranking (a settlement has one gap per
    /// kind it lacks), in ranking order.
    static func worstSettlements(_ gaps: [ServiceGap], count: Int) -> [ServiceGap] {
        var chosen: [String] = []
        return gaps.filter { g in
            if chosen.contains(g.settlementId) { return true }
            guard chosen.count < count else { return false }
            chosen.append(g.settlementId)
            return true
        }
    }

    /// Gaps grouped by settlement, in order of first appearance.
    static func groupedBySettlement(_ gaps: [ServiceGap]) -> [(String, [ServiceGap])] {
        var order: [String] = [], rows: [String: [ServiceGap]] = [:]
        for g in gaps {
            if rows[g.settlementId] == nil { order.append(g.settlementId) }
            rows[g.settlementId, default: []].append(g)
        }
        return order.map { ($0, rows[$0]!) }
    }

    static func integer(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        return String(Int(d.rounded()))
    }

    static func percent(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        return String(format: "%.1f %%", d * 100)
    }
}
