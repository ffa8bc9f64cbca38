import Foundation
import FuzzSupport
@testable import QadamData

/// libFuzzer target: a CSV layer file through the record parser and the CSV reader
/// (coordinates and WKT columns), as `qadam import` reads it.
@_cdecl("FuzzCSV_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzCSV)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    _ = try? CSVReader.read(Data(bytes: start, count: count), file: "fuzz.csv")
    return 0
}
