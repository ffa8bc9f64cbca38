import Foundation
import FuzzSupport
@testable import QadamData

/// libFuzzer target: a GeoJSON layer file through the tolerant JSON parser and the GeoJSON
/// reader (geometries built by GEOS), as `qadam import` reads it.
@_cdecl("FuzzGeoJSON_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzGeoJSON)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGeoJSON(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    _ = try? GeoJSONReader.read(Data(bytes: start, count: count), file: "fuzz.geojson")
    return 0
}
