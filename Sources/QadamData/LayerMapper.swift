import QadamGeo
import QadamContract

/// Turns a source document into one layer's records, with every problem located.
///
/// Each feature goes through the same steps: geometry check (and repair), id (present and
/// unique), then the layer's own fields. A feature with an error yields no record; the import
/// as a whole is refused if any feature has an error.
struct LayerMapper {
    let document: SourceDocument
    let layer: LayerKind
    let fields: [String: String]
    let options: ImportOptions
    private(set) var problems: [DataProblem] = []

    init(document: SourceDocument, layer: LayerKind, fields: [String: String], options: ImportOptions) {
        self.document = document
        self.layer = layer
        self.fields = fields
        self.options = options
    }

    /// What the generic steps produce for one feature, handed to the layer's own builder.
    struct Checked {
        var id: String
        var geometry: Geometry?
        var fields: FeatureFields
    }

    mutating func map() -> LayerRecords {
        switch layer {
        case .settlements: return .settlements(build(settlement))
        case .districts: return .districts(build(district))
        case .facilities: return .facilities(build(facility))
        case .demand: return .demand(build(demandPoint))
        case .agglomerations: return .agglomerations(build(agglomeration))
        case .polycentres: return .polycentres(build(polycentre))
        case .network: return .network(build(networkFeature))
        }
    }

    private mutating func build<R>(_ make: (inout Checked) -> R?) -> [R] {
        var records: [R] = []
        var firstNumberOfID: [String: Int] = [:]
        if fields["id"] == nil {
            problems.append(DataProblem(.warning, ProblemLocation(file: document.file),
                "no id field (tried \(LayerSchema.targets(layer)[0].candidates.joined(separator: ", "))); ids are the \(document.format.itemName) numbers; map one with --id-field"))
        }
        for feature in document.features {
            var f = FeatureFields(document: document, feature: feature, fields: fields)
            let id: String? = fields["id"] == nil ? String(feature.number) : f.requiredString("id")
            f.id = id
            if let id {
                if let first = firstNumberOfID[id] {
                    f.report(.error, "id", "duplicate id '\(id)' (first used by \(document.format.itemName) \(first))")
                } else {
                    firstNumberOfID[id] = feature.number
                }
            }
            var geometry: Geometry?
            switch GeometryCheck.check(feature, shape: layer.geometryShape) {
            case .ok(let g): geometry = g
            case .repaired(let g, let reason):
                geometry = g
                f.report(.repair, nil, "invalid geometry (\(reason)); repaired with makeValid")
            case .rejected(let message): f.problems.append(geometryProblem(feature, f.id, message))
            case .missingAllowed: f.problems.append(DataProblem(.warning, document.location(feature, field: feature.geometryField),
                                                                featureID: id, "no geometry; kept without one"))
            }
            var checked = Checked(id: id ?? "", geometry: geometry, fields: f)
            let record = make(&checked)
            problems += checked.fields.problems
            if id != nil, !checked.fields.problems.contains(where: { $0.severity == .error }), let record {
                records.append(record)
            }
        }
        return records
    }

    private func geometryProblem(_ feature: SourceFeature, _ id: String?, _ message: String) -> DataProblem {
        DataProblem(.error, document.location(feature, field: feature.geometryField), featureID: id, message)
    }

    private var pointOf: (Checked) -> Coordinate? { { $0.geometry?.coordinates.first } }

    private func names(_ f: FeatureFields) -> PlaceNames {
        PlaceNames(local: f.string("name"), ru: f.string("name_ru"), kk: f.string("name_kk"), en: f.string("name_en"))
    }

    private func settlement(_ c: inout Checked) -> Settlement? {
        let population = c.fields.count("population")
        let cls = c.fields.choice("class", SettlementClass.self)
        let flags = SettlementFlags(monotown: c.fields.flag("monotown"), smallTown: c.fields.flag("small_town"),
                                    border: c.fields.flag("border"))
        guard let point = pointOf(c) else { return nil }
        return Settlement(id: c.id, names: names(c.fields), settlementClass: cls, flags: flags, population: population,
                          point: point, oblastID: c.fields.string("oblast_id"), districtID: c.fields.string("district_id"),
                          placeType: c.fields.string("place"))
    }

    private func district(_ c: inout Checked) -> District? {
        let level = options.districtLevel ?? c.fields.choice("level", DistrictLevel.self) ?? inferredLevel(c.fields)
        let population = c.fields.count("population")
        guard let polygon = c.geometry else { return nil }
        return District(id: c.id, names: names(c.fields), level: level, parentID: c.fields.string("parent_id"),
                        kato: c.fields.string("kato"), population: population, polygon: polygon)
    }

    /// OSM `admin_level` (4 oblast, 6 rayon, 8+ city district), else the kind of id field: geokz
    /// `ADM1_PCODE` is an oblast, `ADM2_PCODE` a rayon, anything else a city district.
    private func inferredLevel(_ f: FeatureFields) -> DistrictLevel {
        switch f.string("admin_level") {
        case "4": return .oblast
        case "5", "6": return .rayon
        case .some: return .cityDistrict
        case nil: break
        }
        switch fields["id"] {
        case "ADM1_PCODE": return .oblast
        case "ADM2_PCODE": return .rayon
        default: return .cityDistrict
        }
    }

    private func facility(_ c: inout Checked) -> Facility? {
        let kind = c.fields.choice("kind", FacilityKind.self, parse: FacilityKind.init(parsing:)) ?? options.defaultFacilityKind
        if kind == nil, c.fields.string("kind") == nil {
            _ = c.fields.requiredString("kind")
        }
        let unit = c.fields.choice("capacity_unit", CapacityUnit.self)
        let capacity = c.fields.number("capacity")
        let load = c.fields.number("load")
        if let capacity, capacity < 0 { c.fields.report(.error, "capacity", "capacity \(capacity) is negative") }
        guard let kind, let point = pointOf(c) else { return nil }
        return Facility(id: c.id, kind: kind, name: c.fields.string("name"), point: point, capacity: capacity,
                        capacityUnit: unit, load: load)
    }

    private func demandPoint(_ c: inout Checked) -> DemandPoint? {
        let population = c.fields.requiredNumber("population")
        if let population, population < 0 { c.fields.report(.error, "population", "population \(population) is negative") }
        let share = c.fields.number("school_age_share", severity: .error)
        if let share, !(0...1).contains(share) {
            c.fields.report(.error, "school_age_share", "\(share) is not a share between 0 and 1")
        }
        // A population grid of cells (census squares, Kontur's H3 hexagons) counts each cell's
        // people at its centroid; points stay where they are.
        let point = c.geometry?.kind.isPolygonal == true ? (try? c.geometry?.centroid())??.coordinates.first : pointOf(c)
        guard let population, let point else { return nil }
        return DemandPoint(id: c.id, point: point, population: population, schoolAgeShare: share,
                           districtID: c.fields.string("district_id"), demandSource: c.fields.string("demand_source"))
    }

    private func agglomeration(_ c: inout Checked) -> Agglomeration? {
        let name = c.fields.requiredString("name")
        let radii = ["intensive_km", "active_km", "weak_km"].map { c.fields.requiredNumber($0) }
        guard let name, let core = pointOf(c), let intensive = radii[0], let active = radii[1], let weak = radii[2] else {
            return nil
        }
        guard 0 < intensive, intensive <= active, active <= weak else {
            c.fields.report(.error, "intensive_km", "zone radii must grow outwards: intensive \(intensive) <= active \(active) <= weak \(weak) km, all positive")
            return nil
        }
        return Agglomeration(id: c.id, name: name, coreSettlementID: c.fields.string("core_settlement_id"), core: core,
                             zones: AgglomerationZones(intensiveKm: intensive, activeKm: active, weakKm: weak),
                             memberIDs: c.fields.list("member_ids"))
    }

    private func polycentre(_ c: inout Checked) -> Polycentre? {
        guard let name = c.fields.requiredString("name") else { return nil }
        return Polycentre(id: c.id, name: name, specialisation: c.fields.string("specialisation"), polygon: c.geometry)
    }

    private func networkFeature(_ c: inout Checked) -> Feature? {
        guard let g = c.geometry else { return nil }
        return Feature(id: c.id, geometry: g, properties: c.fields.feature.properties)
    }
}
