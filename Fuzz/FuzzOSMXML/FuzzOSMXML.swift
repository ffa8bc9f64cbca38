import Foundation
import FuzzSupport
import QadamNetwork

/// libFuzzer target: an OSM file read and imported as a street network (both passes, with
/// facilities), as `qadam import` does.
@_cdecl("FuzzOSMXML_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOSMXML)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOSMXML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, let url = inputFile(bytes, count, suffix: ".osm") else { return 0 }
    _ = try? NetworkImporter.importNetwork(from: OSMXMLReader(url: url), options: NetworkImportOptions(missingNodes: .cutWay))
    return 0
}
