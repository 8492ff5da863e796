// swift-tools-version:6.0
import PackageDescription

// The libFuzzer targets, kept in their own package so that `swift build` and `swift test` at the
// root never build them. Build and run them with `Fuzz/run SECONDS` (see README.md, "Fuzzing").
/// SwiftPM names a path dependency after its folder (`lucid`, `main`, a worktree's name...), so
/// the root package is referred to by the name of the folder that holds this one.
let rootPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Lucid"

/// One executable per target; its only file holds the `LLVMFuzzerTestOneInput` entry point, so
/// `swift build -c release --sanitize=fuzzer --sanitize=address` links it against libFuzzer.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name, dependencies: products.map { .product(name: $0, package: rootPackage) },
        path: "Sources/\(name)")
}

/// A target fuzzing one codestream decoder of LucidCodecs through `CodestreamProbe`.
func codestreamTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["CodestreamProbe", .product(name: "LucidCodecs", package: rootPackage)],
        path: "Sources/\(name)")
}

let package = Package(
    name: "LucidFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        fuzzTarget("FuzzDICOM", ["LucidDICOM", "LucidImaging", "LucidRendering", "LucidDose"]),
        fuzzTarget("FuzzPNG", ["LucidPNG", "LucidCodecs", "LucidImaging"]),
        fuzzTarget("FuzzJPEG", ["LucidCodecs", "LucidImaging"]),
        fuzzTarget("FuzzSteps", ["LucidRendering", "LucidImaging"]),
        fuzzTarget("FuzzArchivePath", ["LucidArchive", "LucidDICOM"]),
        fuzzTarget("FuzzDICOMweb", ["LucidDICOMweb"]),
        .target(
            name: "CodestreamProbe", dependencies: [.product(name: "LucidCodecs", package: rootPackage)],
            path: "Sources/CodestreamProbe"),
        codestreamTarget("FuzzJPEGLS"),
        codestreamTarget("FuzzJPEG2000"),
        codestreamTarget("FuzzHTJ2K"),
        fuzzTarget("FuzzJPEGExtended", ["LucidDICOM"]),
        fuzzTarget("FuzzDeidentify", ["LucidDeidentify", "LucidDICOM"]),
    ],
    swiftLanguageModes: [.v6]
)
