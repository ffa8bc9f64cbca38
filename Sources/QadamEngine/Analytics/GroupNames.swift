import QadamMeasures
import QadamData
import QadamContract

/// Names for roll-up groups: the measures group by ids (a district's `3072807`, an oblast's
/// `KZ75`), which a planner cannot read, so every group row also carries the place's name.
struct GroupNames: Sendable {
    private let districts: [String: String]
    private let polycentres: [String: String]

    init(content: DatasetContent) {
        var districts: [String: String] = [:]
        for d in content.districts { districts[d.id] = d.names.display ?? d.id }
        self.districts = districts
        polycentres = Dictionary(content.polycentres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The name of group `value` under `key`, or nil where the value is already words
    /// (classes, zones) or names nothing (`none`).
    func name(key: String, value: String) -> String? {
        switch key {
        case GroupKey.district, GroupKey.oblast: districts[value]
        case GroupKey.polycentre: polycentres[value]
        default: nil
        }
    }

    func named<G: KeyedGroupRow>(_ groups: [G]) -> [G] {
        groups.map { var g = $0; g.name = name(key: g.key, value: g.value); return g }
    }

    func named(_ rows: [SeatBalanceRow], key: String) -> [SeatBalanceRow] {
        rows.map { var r = $0; r.name = name(key: key, value: r.group); return r }
    }
}

/// A roll-up row that says its group key and value, and can carry the group's name.
protocol KeyedGroupRow {
    var key: String { get }
    var value: String { get }
    var name: String? { get set }
}

extension CoverageGroup: KeyedGroupRow {}
extension AccessGroup: KeyedGroupRow {}
extension ProvisionGroup: KeyedGroupRow {}
