import QadamContract

/// Where a row of a service-gap table is drawn in GeoJSON and GeoPackage output.
enum RowPlace: Equatable {
    case point(lon: Double, lat: Double)
    /// A district's or oblast's outline, by id (asked of the backend once per table).
    case district(String)
    case nowhere

    /// A `[lon, lat]` location, or nowhere without one.
    init(location: [Double]?) {
        guard let location, location.count == 2 else { self = .nowhere; return }
        self = .point(lon: location[0], lat: location[1])
    }

    /// The district whose outline draws the row, if that is how it is drawn.
    var districtID: String? {
        if case .district(let id) = self { return id }
        return nil
    }

    /// A roll-up row: drawn as its district or oblast when it is one (a settlement class or
    /// zone has no outline).
    init(rollUp key: String, value: String) {
        self = key == GroupBy.district.rawValue || key == GroupBy.oblast.rawValue ? .district(value) : .nowhere
    }
}

/// A row of a service-gap table, which knows where it is drawn.
protocol PlacedRow {
    var place: RowPlace { get }
}

/// A row of a roll-up (`groups`): one value of one group key, with the value's name.
protocol RollUpRow: PlacedRow {
    var key: String { get }
    var value: String { get }
    var name: String? { get }
}

extension RollUpRow {
    var place: RowPlace { RowPlace(rollUp: key, value: value) }
}

extension CoverageGroup: RollUpRow {}
extension AccessGroup: RollUpRow {}
extension ProvisionGroup: RollUpRow {}

/// Seat rows are per district (an id no district has, such as a class, is simply not drawn).
extension SeatBalanceRow: PlacedRow {
    var place: RowPlace { .district(group) }
}

extension SeatGroupChange: PlacedRow {
    var place: RowPlace { .district(group) }
}

extension RPC.Coverage.Result.OutsidePoint: PlacedRow {
    var place: RowPlace { RowPlace(location: point.location) }
}

extension RPC.Site.Result.Pick: PlacedRow {
    var place: RowPlace { RowPlace(location: location) }
}

extension RPC.Access.Result.PointRatio: PlacedRow {
    var place: RowPlace { .nowhere }
}

extension ServiceGap: PlacedRow {
    var place: RowPlace { .nowhere }
}
