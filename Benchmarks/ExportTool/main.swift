import Foundation

/// `qadam-bench-export`: exports a synthetic city with Qadam's answers and timings for the
/// Python comparison harness (`Benchmarks/compare`), and measures how time and memory grow
/// with city size for `Benchmarks/scale.sh`.
///
///     qadam-bench-export compare --out DIR [--nodes 10000] [--seed 1]
///     qadam-bench-export scale --nodes N [--seed 2]
let usage = """
    usage: qadam-bench-export compare --out DIR [--nodes N] [--seed S]
           qadam-bench-export scale --nodes N [--seed S]
    """

func option(_ name: String, in arguments: [String]) -> String? {
    guard let i = arguments.firstIndex(of: "--\(name)"), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func intOption(_ name: String, in arguments: [String], default value: Int) -> Int {
    guard let text = option(name, in: arguments) else { return value }
    guard let n = Int(text), n > 0 else {
        FileHandle.standardError.write(Data("--\(name) must be a positive integer, got \(text)\n".utf8))
        exit(2)
    }
    return n
}

let arguments = Array(CommandLine.arguments.dropFirst())
let nodes = intOption("nodes", in: arguments, default: 10_000)
do {
    switch arguments.first {
    case "compare":
        guard let out = option("out", in: arguments) else { print(usage); exit(2) }
        let seed = UInt64(intOption("seed", in: arguments, default: 1))
        try ComparisonExport(approximateVertices: nodes, seed: seed).write(to: URL(fileURLWithPath: out))
    case "scale":
        let seed = UInt64(intOption("seed", in: arguments, default: 2))
        print(ScaleProbe(approximateVertices: nodes, seed: seed).run())
    default:
        print(usage)
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("qadam-bench-export: \(error)\n".utf8))
    exit(1)
}
