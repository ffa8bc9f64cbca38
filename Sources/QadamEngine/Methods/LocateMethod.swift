import QadamData
import QadamGeo
import QadamContract

extension MethodRegistry {
    /// `locate` (`RPC.Locate`): a few R-tree lookups, answered inline.
    mutating func registerLocate() {
        register(RPC.Locate.self, inline: .always) { params, snapshot in
            try Params.validate(params.at, field: "at")
            return try snapshot.dataset.gazetteer.locate(params.at)
        }
    }
}
