import QadamData
import QadamGeo
import QadamProtocol

/// `locate`: oblast, rayon, city district, nearest settlement, polycentre and agglomeration
/// zone of a point.
struct LocateParams: Decodable {
    let at: Coordinate
}

extension MethodRegistry {
    mutating func registerLocate() {
        register("locate", params: LocateParams.self, inline: .always) { params, snapshot in
            try Params.validate(params.at, field: "at")
            return try snapshot.dataset.gazetteer.locate(params.at)
        }
    }
}
