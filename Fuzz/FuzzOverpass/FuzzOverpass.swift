import Foundation
import FuzzSupport
import QadamNetwork

/// libFuzzer target: an Overpass API JSON answer, read and imported as a street network.
@_cdecl("FuzzOverpass_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOverpass)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOverpass(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    if let reader = try? OverpassJSONReader(data: Data(bytes: start, count: count), sourceName: "fuzz.json") {
        _ = try? NetworkImporter.importNetwork(from: reader, options: NetworkImportOptions(missingNodes: .cutWay))
    }
    return 0
}
