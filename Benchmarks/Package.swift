// swift-tools-version:6.1
import PackageDescription

// The kernel benchmarks, kept in their own package so that `swift test` at the root never builds
// ordo-one/benchmark. Run from this folder: `swift package benchmark` (or `--filter window`).
/// SwiftPM names a path dependency after its folder (`lucid`, `main`, a worktree's name...), so
/// the root package is referred to by the name of the folder that holds this one.
let rootPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Lucid"

let package = Package(
    name: "LucidBenchmarks",
    dependencies: [
        .package(path: ".."),
        // Only the MallocInterposer trait: the default traits pull in a runtime interposer that is
        // not needed for these benchmarks.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LucidImaging", package: rootPackage),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
    ],
    swiftLanguageModes: [.v6]
)
