import QadamGeo
import QadamContract

extension NetworkSearch {
    /// Travel measures from each origin to every destination, one origin row at a time:
    /// destinations are snapped once, each origin runs one search (bounded by
    /// `limitSeconds`), and its row goes to `row(originIndex, measures)` before the next
    /// origin starts, so memory stays at one row whatever the matrix size.
    public func matrix(origins: [Coordinate], destinations: [Coordinate], mode: TravelMode,
                       snap: SnapOptions = SnapOptions(), limitSeconds: Double = .infinity,
                       row: (Int, [Reach<TravelMeasure>]) throws -> Void) rethrows {
        let targets = destinations.map { network.locate($0, profile: mode.profile, options: snap) }
        for (index, point) in origins.enumerated() {
            switch network.locate(point, profile: mode.profile, options: snap) {
            case .unreachable(let reason):
                try row(index, Array(repeating: .unreachable(reason), count: targets.count))
            case .reached(let origin):
                run(from: origin, mode: mode, limitSeconds: limitSeconds)
                try row(index, targets.map { target in
                    switch target {
                    case .unreachable(let reason): .unreachable(reason)
                    case .reached(let location): measure(to: location)
                    }
                })
            }
        }
    }
}
