import QadamContract

/// The target fields of each layer and the source fields tried by default, in order.
///
/// The defaults cover the files Qadam is fed in practice: geokz ADM1/ADM2 (`ADM2_PCODE`,
/// `ADM2_RU`...), HOT OSM populated places (`osm_id`, `name:kk`, `place`...), the OSM Almaty
/// districts (`osm-relation-id`, `nameRu`), and our own facility/demand CSVs.
enum LayerSchema {
    struct Target {
        let name: String
        let candidates: [String]
    }

    static func targets(_ layer: LayerKind) -> [Target] {
        switch layer {
        case .settlements:
            return [
                Target(name: "id", candidates: ["id", "osm_id", "geonameid", "KATO", "kato"]),
            ] + nameTargets + [
                Target(name: "population", candidates: ["population", "pop"]),
                Target(name: "place", candidates: ["place"]),
                Target(name: "class", candidates: ["class", "settlement_class"]),
                Target(name: "oblast_id", candidates: ["oblast_id"]),
                Target(name: "district_id", candidates: ["district_id"]),
                Target(name: "monotown", candidates: ["monotown"]),
                Target(name: "small_town", candidates: ["small_town"]),
                Target(name: "border", candidates: ["border"]),
            ]
        case .districts:
            return [
                Target(name: "id", candidates: ["id", "ADM2_PCODE", "ADM1_PCODE", "osm-relation-id", "osm_id", "KATO", "kato"]),
            ] + nameTargets + [
                Target(name: "level", candidates: ["level"]),
                Target(name: "parent_id", candidates: ["parent_id", "ADM1_PCODE"]),
                Target(name: "kato", candidates: ["KATO", "kato"]),
                Target(name: "population", candidates: ["population"]),
                Target(name: "admin_level", candidates: ["admin_level"]),
            ]
        case .facilities:
            return [
                Target(name: "id", candidates: ["id", "osm_id", "medical_organization_id"]),
                Target(name: "kind", candidates: ["kind", "amenity", "healthcare"]),
                Target(name: "name", candidates: ["name", "medical_organization"]),
                Target(name: "capacity", candidates: ["capacity", "beds"]),
                Target(name: "capacity_unit", candidates: ["capacity_unit"]),
                Target(name: "load", candidates: ["load"]),
            ]
        case .demand:
            return [
                // `h3`: the cell index of Kontur's population grid.
                Target(name: "id", candidates: ["id", "h3"]),
                Target(name: "population", candidates: ["population", "occupants", "pop"]),
                Target(name: "school_age_share", candidates: ["school_age_share"]),
                Target(name: "district_id", candidates: ["district_id", "district_osm_relation"]),
                Target(name: "demand_source", candidates: ["demand_source"]),
            ]
        case .agglomerations:
            return [
                Target(name: "id", candidates: ["id"]),
                Target(name: "name", candidates: ["name"]),
                Target(name: "core_settlement_id", candidates: ["core_settlement_id", "core_id"]),
                Target(name: "intensive_km", candidates: ["intensive_km"]),
                Target(name: "active_km", candidates: ["active_km"]),
                Target(name: "weak_km", candidates: ["weak_km"]),
                Target(name: "member_ids", candidates: ["member_ids", "members"]),
            ]
        case .polycentres:
            return [
                Target(name: "id", candidates: ["id"]),
                Target(name: "name", candidates: ["name", "name_ru", "nameRu"]),
                Target(name: "specialisation", candidates: ["specialisation", "specialization"]),
            ]
        case .network:
            return [
                Target(name: "id", candidates: ["id", "osm_id"]),
            ]
        }
    }

    private static let nameTargets = [
        Target(name: "name", candidates: ["name"]),
        Target(name: "name_ru", candidates: ["name_ru", "name:ru", "nameRu", "ADM2_RU", "ADM1_RU", "NAME_RU"]),
        Target(name: "name_kk", candidates: ["name_kk", "name:kk", "ADM2_KK", "ADM1_KK", "NAME_KK"]),
        Target(name: "name_en", candidates: ["name_en", "name:en", "ADM2_EN", "ADM1_EN", "NAME_EN"]),
    ]

    /// Target -> source for a file: explicit mapping first, then the first default candidate the
    /// file has. A source already used for `id` is not reused (so ADM1 files get no parent).
    static func resolve(_ layer: LayerKind, mapping: FieldMapping, fieldNames: Set<String>) throws -> [String: String] {
        let targets = targets(layer)
        let known = Set(targets.map(\.name))
        for target in mapping.fields.keys where !known.contains(target) && layer != .network {
            throw ImportError.badMapping("unknown target field '\(target)' for layer \(layer) (known: \(targets.map(\.name).joined(separator: ", ")))")
        }
        var resolved: [String: String] = [:]
        for target in targets {
            if let source = mapping.fields[target.name] {
                resolved[target.name] = source
            } else if let source = target.candidates.first(where: { fieldNames.contains($0) && $0 != resolved["id"] }) {
                resolved[target.name] = source
            }
        }
        return resolved
    }

    /// Guesses the layer from geometry kinds and field names; nil when the file does not say enough.
    static func inferLayer(shapes: Set<GeometryShape>, fieldNames: Set<String>) -> LayerKind? {
        func has(_ names: String...) -> Bool { names.contains { fieldNames.contains($0) } }
        if shapes == [.linear] { return .network }
        if shapes == [.polygonal] {
            if has("specialisation", "specialization") { return .polycentres }
            if has("ADM1_PCODE", "ADM2_PCODE", "KATO", "osm-relation-id", "admin_level", "level") { return .districts }
            // A population grid (Kontur's H3 hexagons, census squares).
            if has("population") { return .demand }
            return nil
        }
        if shapes == [.point] {
            if has("intensive_km") { return .agglomerations }
            if has("place") { return .settlements }
            if has("kind", "amenity", "healthcare") { return .facilities }
            if has("population", "occupants") { return .demand }
        }
        return nil
    }
}
