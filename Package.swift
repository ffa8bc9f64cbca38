// swift-tools-version: 6.1
//
// Qadam: a geospatial indexing and query daemon for access to social services in Kazakhstan.
// Layers (lowest first; a layer imports only layers below it) are described in
// docs/architecture.md. Benchmarks (Benchmarks/, ordo-one/benchmark) are added only when
// QADAM_BENCHMARKS=1, so `swift test` never builds the benchmark harness:
//   QADAM_BENCHMARKS=1 swift package benchmark

import PackageDescription
import class Foundation.ProcessInfo

let withBenchmarks = ProcessInfo.processInfo.environment["QADAM_BENCHMARKS"] == "1"

// Linux only: the daemon reads peers with SO_PEERCRED, its own memory from /proc, and talks to
// systemd; no Apple platform is declared because none is supported.
let package = Package(
    name: "Qadam",
    products: [
        .executable(name: "qadamd", targets: ["qadamd"]),
        .executable(name: "qadam", targets: ["qadam"]),
        .library(name: "QadamGeo", targets: ["QadamGeo"]),
        .library(name: "QadamData", targets: ["QadamData"]),
        .library(name: "QadamNetwork", targets: ["QadamNetwork"]),
        .library(name: "QadamMeasures", targets: ["QadamMeasures"]),
        .library(name: "QadamEngine", targets: ["QadamEngine"]),
        .library(name: "QadamServer", targets: ["QadamServer"]),
        // The wire contract: what an outside Swift client of qadamd depends on.
        .library(name: "QadamContract", targets: ["QadamContract"]),
        // A blocking socket client of qadamd, on the contract: what another Swift service links.
        .library(name: "QadamClient", targets: ["QadamClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // System libraries, found by pkg-config; Debian packages named for `swift build` hints.
        .systemLibrary(name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
                       providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
                       providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CSpatiaLite", path: "Sources/CSpatiaLite", pkgConfig: "spatialite",
                       providers: [.apt(["libspatialite-dev", "libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // PostgreSQL's client and OpenSSL's digests: system libraries rather than PostgresNIO and
        // swift-crypto, which compiled BoringSSL twice in every fresh build (docs/development.md).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),

        .target(name: "QadamGeo", dependencies: [
            "QadamContract", "CGEOS", "CPROJ", .product(name: "HeapModule", package: "swift-collections"),
        ]),
        .target(name: "QadamData", dependencies: [
            "QadamGeo", "QadamContract", "CSpatiaLite", "CLibCrypto",
        ]),
        .target(name: "QadamNetwork", dependencies: [
            "QadamGeo", "QadamData", "QadamContract", "CZlib", .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // PostGIS as an import source, over libpq; only the CLI links it, not the daemon.
        .target(name: "QadamPostGIS", dependencies: ["QadamData", "QadamContract", "CLibPQ"]),
        .target(name: "QadamMeasures", dependencies: [
            "QadamGeo", "QadamData", "QadamContract", .product(name: "HeapModule", package: "swift-collections"),
        ]),
        .target(name: "QadamContract", dependencies: []),
        .target(name: "QadamClient", dependencies: ["QadamContract"]),
        // Loads a dataset into an immutable snapshot and answers protocol requests against it;
        // shared by the daemon and by the CLI's in-process mode so both give the same answers.
        .target(name: "QadamEngine", dependencies: [
            "QadamGeo", "QadamData", "QadamNetwork", "QadamMeasures", "QadamContract",
        ]),
        .target(name: "QadamCLI", dependencies: [
            "QadamGeo", "QadamData", "QadamNetwork", "QadamMeasures", "QadamEngine", "QadamContract", "QadamClient", "QadamPostGIS",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        .executableTarget(name: "qadam", dependencies: ["QadamCLI"]),
        // qadamd's server: the SwiftNIO socket, routing, limits, reload, systemd; a library so
        // its parts are unit-tested on NIO's EmbeddedChannel (Tests/QadamServerTests).
        .target(name: "QadamServer", dependencies: [
            "QadamEngine", "QadamContract", "QadamClient",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "qadamd", dependencies: ["QadamServer"]),

        // Shared test helpers: geodata location, fixture datasets, a live qadamd child process,
        // the synthetic city and the dense cost matrix (tests' and benchmarks' inputs, kept
        // out of the library targets).
        .target(name: "TestSupport", dependencies: ["QadamGeo", "QadamData", "QadamNetwork", "QadamMeasures", "QadamContract", "QadamClient"], path: "Tests/TestSupport"),
        .testTarget(name: "QadamGeoTests", dependencies: [
            "QadamGeo", "QadamContract",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "QadamDataTests", dependencies: [
            "QadamGeo", "QadamData", "QadamContract", "TestSupport",
        ]),
        .testTarget(name: "QadamNetworkTests", dependencies: [
            "CZlib", "QadamGeo", "QadamData", "QadamNetwork", "QadamContract", "TestSupport",
        ]),
        .testTarget(name: "QadamMeasuresTests", dependencies: [
            "QadamGeo", "QadamData", "QadamMeasures", "QadamContract", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "QadamDaemonTests", dependencies: [
            "QadamGeo", "QadamData", "QadamNetwork", "QadamMeasures", "QadamContract", "QadamClient", "QadamEngine", "TestSupport",
        ]),
        .testTarget(name: "QadamServerTests", dependencies: [
            "QadamServer", "QadamEngine", "QadamContract", "QadamGeo", "TestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "QadamCLITests", dependencies: [
            "QadamCLI", "QadamGeo", "QadamData", "QadamNetwork", "QadamContract", "QadamPostGIS", "TestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)

if withBenchmarks {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1",
                 traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "GeoBenchmarks",
            dependencies: ["QadamGeo", "QadamData", "QadamContract", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/GeoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
    package.targets.append(
        .executableTarget(
            name: "NetworkBenchmarks",
            dependencies: ["QadamGeo", "QadamNetwork", "QadamMeasures", "QadamContract", "TestSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/NetworkBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
    // Exports a synthetic city with Qadam's answers and timings for Benchmarks/compare, and
    // measures growth with city size for Benchmarks/scale.sh.
    package.targets.append(
        .executableTarget(
            name: "qadam-bench-export",
            dependencies: ["QadamGeo", "QadamNetwork", "QadamMeasures", "QadamContract", "TestSupport"],
            path: "Benchmarks/ExportTool"))
    // Closed-loop load on a running qadamd from native client threads (docs/performance.md).
    package.targets.append(
        .executableTarget(
            name: "qadam-socket-load",
            dependencies: ["QadamContract"],
            path: "Benchmarks/SocketLoad"))
}

// libFuzzer targets for the parsers that read outside input (Fuzz/, scripts/fuzz.sh). They
// have no `main` (libFuzzer supplies it), so they exist only in a fuzzing build:
//   QADAM_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product FuzzCSV
if ProcessInfo.processInfo.environment["QADAM_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependency: Target.Dependency)] = [
        ("FuzzRPCLine", "QadamContract"), ("FuzzGeoJSON", "QadamData"), ("FuzzCSV", "QadamData"),
        ("FuzzPBF", "QadamNetwork"), ("FuzzOSMXML", "QadamNetwork"), ("FuzzOverpass", "QadamNetwork"),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: [target.dependency, "FuzzSupport"], path: "Fuzz/\(target.name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
