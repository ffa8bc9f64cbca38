import ArgumentParser
import Foundation
import QadamGeo
import QadamProtocol

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
    let kind: String
    let gapCount: Int

    func build(generatedAt: Date = Date()) throws -> ReportModel {
        let t = ReportTexts.of(language)
        var areaParams: [String: JSONValue] = [:]
        if let area { areaParams["area"] = .string(area) }
        let map = try backend.call(RPC.Districts.self, .init(area: area, includeDemand: true)).result
        let shapes = map.districts
        // Districts of a national map are oblasts; below that, the most specific district.
        let groupKey = map.level == .oblast ? "oblast" : "district"
        var provisionParams = areaParams
        provisionParams["group_by"] = .array([.string(groupKey), .string("class")])
        provisionParams["limit"] = .int(0)
        let provision = try backend.call("provision", params: .object(provisionParams))
        let provisionGroups = provision["groups"]?.arrayValue ?? []
        func groups(_ key: String) -> [JSONValue] { provisionGroups.filter { $0["key"]?.stringValue == key } }
        let byDistrict = Dictionary(groups(groupKey).compactMap { g in g["value"]?.stringValue.map { ($0, g) } },
                                    uniquingKeysWith: { a, _ in a })

        var gapParams = areaParams
        // Gaps are per settlement and kind; ask for enough to find `gapCount` settlements.
        gapParams["limit"] = .int(Int64(gapCount * 8))
        let gaps = try backend.call("gaps", params: .object(gapParams))
        var listing = areaParams
        listing["layer"] = .string("settlements")
        listing["origins_only"] = .bool(true)
        let settlements = try backend.call("audit", params: .object(listing))
        let points = Dictionary((settlements["origins"]?.arrayValue ?? []).compactMap { o -> (String, Coordinate)? in
            guard let id = o["id"]?.stringValue, let at = o["at"]?.arrayValue, at.count == 2,
                  let lon = at[0].doubleValue, let lat = at[1].doubleValue else { return nil }
            return (id, Coordinate(lon: lon, lat: lat))
        }, uniquingKeysWith: { a, _ in a })
        let normSources = (settlements["norms"]?.arrayValue ?? []).reduce(into: [String: String]()) { out, n in
            if let id = n["id"]?.stringValue, let doc = n["source"]?["document"]?.stringValue { out[id] = doc }
        }
        let provisionNorms = (provision["norms"]?.arrayValue ?? []).compactMap(\.stringValue)
        func sources(_ ids: [String]) -> [String] { Array(Set(ids.compactMap { normSources[$0] })).sorted() }

        let (shading, values, shadeTable, outsideNorm) = try shadeData(groupKey: groupKey, areaParams: areaParams,
                                                                       provision: byDistrict, texts: t)
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
                return [name, Self.integer(g?["settlements"]), Self.integer(g?["population"]), Self.integer(g?["required"]),
                        Self.integer(g?["met"]), Self.percent(g?["population_weighted_share"])]
            },
            normIDs: provisionNorms, sources: sources(provisionNorms))]
        if let shadeTable { tables.append(shadeTable) }
        let gapRows = Self.worstSettlements(gaps["gaps"]?.arrayValue ?? [], count: gapCount)
        let gapNorms = Array(Set(gapRows.compactMap { $0["norm"]?.stringValue })).sorted()
        tables.append(ReportTable(title: t.gapsTable, columns: [t.gap, t.kind, t.population],
                                  rows: gapRows.map { [($0["sentence"]?.stringValue ?? ""), ($0["kind"]?.stringValue ?? ""), Self.integer($0["population"])] },
                                  normIDs: gapNorms, sources: sources(gapNorms)))

        let classBars = groups("class").map { g in
            ReportBar(label: g["value"]?.stringValue ?? "", share: g["population_weighted_share"]?.doubleValue ?? .nan)
        }
        let districtBars = zip(shapes, names).map { shape, name in
            ReportBar(label: name, share: byDistrict[shape.id]?["population_weighted_share"]?.doubleValue ?? .nan)
        }
        let areaName = map.area.map { $0.name ?? $0.id } ?? t.country
        let basis = provision["checks"]?.arrayValue?.first?["basis"]?.stringValue
        let detour = provision["checks"]?.arrayValue?.first?["detour_factor"]?.doubleValue
        var parameters = [ReportParameter("area", area ?? "(all)"), ReportParameter("shade", shade.rawValue)]
        if shade != .provision { parameters.append(ReportParameter("kind", kind)) }
        if let basis { parameters.append(ReportParameter("basis", basis)) }
        if let detour { parameters.append(ReportParameter("detour_factor", TabularValue.plain(detour))) }
        parameters.append(ReportParameter("norms", provisionNorms.joined(separator: ", ")))
        var notes = [t.modelledKindsNote]
        if shapes.isEmpty { notes.insert(t.noDistrictShapes, at: 0) }

        var model = ReportModel(
            title: t.title, areaName: areaName, datasetHash: provision["snapshot"]?.stringValue ?? "",
            parameters: parameters, generatedAt: generatedAt, language: language, shading: shading, districts: districts,
            facilities: map.facilities.map { ReportFacility(point: $0.at, kind: $0.kind.rawValue, name: $0.name ?? $0.id) },
            worstGaps: Self.groupedBySettlement(gapRows).compactMap { id, rows in
                guard let point = points[id] else { return nil }
                let kinds = rows.compactMap { $0["kind"]?.stringValue }.joined(separator: ", ")
                return ReportGap(point: point, label: "\(rows[0]["name"]?.stringValue ?? id) (\(kinds))",
                                 population: Int(rows[0]["population"]?.doubleValue ?? 0))
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
    private func shadeData(groupKey: String, areaParams: [String: JSONValue], provision: [String: JSONValue],
                           texts t: ReportTexts) throws
        -> (ReportShading, [String: (value: Double, label: String)], ReportTable?, Set<String>?) {
        var params = areaParams
        params["kind"] = .string(kind)
        params["group_by"] = .array([.string(groupKey)])
        switch shade {
        case .provision:
            let values = provision.compactMapValues { g -> (value: Double, label: String)? in
                guard let share = g["population_weighted_share"]?.doubleValue else { return nil }
                return (share, "\(Self.percent(.double(share))) (\(Self.integer(g["met"]))/\(Self.integer(g["required"])))")
            }
            return (ReportShading(title: t.provisionShading, scale: .share, higherIsBetter: true), values, nil, nil)
        case .coverage:
            params["limit"] = .int(Int64(Int32.max))
            let result = try backend.call("coverage", params: .object(params))
            let outside = Set((result["outside"]?.arrayValue ?? []).compactMap { $0["point"]?["id"]?.stringValue })
            let rows = (result["groups"]?.arrayValue ?? []).filter { $0["key"]?.stringValue == groupKey }
            var values: [String: (value: Double, label: String)] = [:]
            for g in rows {
                guard let id = g["value"]?.stringValue, let share = g["covered_share"]?.doubleValue else { continue }
                values[id] = (share, Self.percent(.double(share)))
            }
            let norm = result["norm"]?.stringValue
            let table = ReportTable(title: "\(t.coverageTable): \(kind)", columns: [t.district, t.population, t.covered, t.share],
                                    rows: rows.map { [($0["name"]?.stringValue ?? $0["value"]?.stringValue ?? ""), Self.integer($0["total_population"]),
                                                      Self.integer($0["covered_population"]), Self.percent($0["covered_share"])] },
                                    normIDs: norm.map { [$0] } ?? [])
            return (ReportShading(title: "\(t.coverageShading): \(kind)", scale: .share, higherIsBetter: true), values, table, outside)
        case .deficit:
            let result = try backend.call("deficit", params: .object(params))
            let rows = result["rows"]?.arrayValue ?? []
            var values: [String: (value: Double, label: String)] = [:]
            for r in rows {
                guard let id = r["group"]?.stringValue, let deficit = r["deficit"]?.doubleValue else { continue }
                values[id] = (deficit, Self.integer(.double(deficit)))
            }
            let norm = result["capacity_norm"]?.stringValue
            let table = ReportTable(title: "\(t.deficitTable): \(kind)", columns: [t.district, t.demand, t.seats, t.deficit],
                                    rows: rows.map { [($0["name"]?.stringValue ?? $0["group"]?.stringValue ?? ""), Self.integer($0["demand"]),
                                                      Self.integer($0["seats"]), Self.integer($0["deficit"])] },
                                    normIDs: norm.map { [$0] } ?? [])
            return (ReportShading(title: "\(t.deficitShading): \(kind)", scale: .number(unit: ""), higherIsBetter: false), values, table, nil)
        }
    }

    /// The gaps of the first `count` settlements in the ranking (a settlement has one gap per
    /// kind it lacks), in ranking order.
    static func worstSettlements(_ gaps: [JSONValue], count: Int) -> [JSONValue] {
        var chosen: [String] = []
        return gaps.filter { g in
            let id = g["settlement_id"]?.stringValue ?? ""
            if chosen.contains(id) { return true }
            guard chosen.count < count else { return false }
            chosen.append(id)
            return true
        }
    }

    /// Gaps grouped by settlement, in order of first appearance.
    static func groupedBySettlement(_ gaps: [JSONValue]) -> [(String, [JSONValue])] {
        var order: [String] = [], rows: [String: [JSONValue]] = [:]
        for g in gaps {
            let id = g["settlement_id"]?.stringValue ?? ""
            if rows[id] == nil { order.append(id) }
            rows[id, default: []].append(g)
        }
        return order.map { ($0, rows[$0]!) }
    }

    static func integer(_ v: JSONValue?) -> String {
        guard let d = v?.doubleValue, d.isFinite else { return "" }
        return String(Int(d.rounded()))
    }

    static func percent(_ v: JSONValue?) -> String {
        guard let d = v?.doubleValue, d.isFinite else { return "" }
        return String(format: "%.1f %%", d * 100)
    }
}
