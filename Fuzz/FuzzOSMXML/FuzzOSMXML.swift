import Foundation
import FuzzSupport
import QadamNetwork

/// The reader takes a file, so each input is written to one file in shared memory, per process.
let inputURL = URL(fileURLWithPath: "/dev/shm/qadam-fuzz-\(getpid()).osm")

/// libFuzzer target: an OSM file read and imported as a street network (both passes, with
/// facilities), as `qadam import` does.
@_cdecl("FuzzOSMXML_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOSMXML)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOSMXML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    let url = inputURL
    guard (try? Data(bytes: start, count: count).write(to: url)) != nil else { return 0 }
    _ = try? NetworkImporter.importNetwork(from: OSMXMLReader(url: url), options: NetworkImportOptions(missingNodes: .cutWay))
    return 0
}
