import Foundation
import FuzzSupport
import QadamNetwork

/// libFuzzer target: an OSM file read and imported as a street network (both passes, with
/// facilities), as `qadam import` does.
@_cdecl("FuzzPBF_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzPBF)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPBF(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, let url = inputFile(bytes, count, suffix: ".osm.pbf") else { return 0 }
    _ = try? NetworkImporter.importNetwork(from: PBFFileReader(url: url), options: NetworkImportOptions(missingNodes: .cutWay))
    return 0
}
