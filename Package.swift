// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lucid",
    products: [
        .library(name: "LucidImaging", targets: ["LucidImaging"]),
        .library(name: "LucidDICOM", targets: ["LucidDICOM"]),
        .library(name: "LucidCodecs", targets: ["LucidCodecs"]),
        .library(name: "LucidPipeline", targets: ["LucidPipeline"]),
        .library(name: "LucidArchive", targets: ["LucidArchive"]),
        .library(name: "LucidDICOMweb", targets: ["LucidDICOMweb"]),
        .executable(name: "lucid", targets: ["lucid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(
            name: "CJPEG", pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(
            name: "CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .systemLibrary(
            name: "COpenJPEG", pkgConfig: "libopenjp2",
            providers: [.apt(["libopenjp2-7-dev"]), .brew(["openjpeg"])]),
        .systemLibrary(
            name: "CCharLS", pkgConfig: "charls",
            providers: [.apt(["libcharls-dev"]), .brew(["charls"])]),
        .target(name: "CCodecShims", dependencies: ["CPNG", "CJPEG", "CZlib"]),
        .target(name: "CBuildInfo"),
        .target(name: "CJPEG2000Shim", dependencies: ["COpenJPEG"]),
        .target(name: "CJPEGLSShim", dependencies: ["CCharLS", "CCodecShims"]),
        // OpenJPH (HTJ2K) is C++; its Debian pkg-config file is empty, so the library is linked by name.
        .target(name: "CHTJ2KShim", dependencies: ["CCodecShims"], linkerSettings: [.linkedLibrary("openjph")]),
        .target(name: "LucidImaging", exclude: ["Median/generate_median_networks.py"]),
        .target(name: "LucidDICOM", dependencies: ["LucidImaging", "LucidCodecs", "CZlib"]),
        .target(
            name: "LucidCodecs",
            dependencies: ["LucidImaging", "CCodecShims", "CJPEG2000Shim", "CJPEGLSShim", "CHTJ2KShim"]),
        .target(
            name: "LucidArchive",
            dependencies: [
                "LucidDICOM", "LucidCodecs", "CLibCrypto", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(name: "LucidDICOMweb", dependencies: ["LucidDICOM"]),
        .target(
            name: "LucidPipeline",
            dependencies: ["LucidImaging", "LucidDICOM", "LucidCodecs", "LucidArchive", "LucidDICOMweb", "CBuildInfo"]),
        .executableTarget(
            name: "lucid",
            dependencies: [
                "LucidPipeline", "LucidArchive", "LucidDICOM", "LucidCodecs", "LucidImaging", "LucidDICOMweb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "LucidTestSupport", dependencies: ["LucidDICOM", "CZlib"], path: "Tests/LucidTestSupport"),
        // Runs the mutations of one file in a child process, so the mutation test can cap and measure its memory.
        .executableTarget(
            name: "LucidMutationProbe",
            dependencies: ["LucidDICOM", "LucidImaging", "LucidPipeline", "LucidTestSupport"],
            path: "Tests/LucidMutationProbe"),
        .testTarget(
            name: "LucidImagingTests", dependencies: ["LucidImaging", "LucidTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "LucidDICOMTests", dependencies: ["LucidDICOM", "LucidCodecs", "LucidImaging", "LucidTestSupport"]),
        .testTarget(
            name: "LucidCodecsTests", dependencies: ["LucidCodecs", "LucidImaging", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(
            name: "LucidPipelineTests",
            dependencies: [
                "LucidPipeline", "LucidDICOM", "LucidCodecs", "LucidImaging", "LucidDICOMweb", "LucidTestSupport",
            ]),
        .testTarget(
            name: "LucidArchiveTests",
            dependencies: ["LucidArchive", "LucidDICOM", "LucidImaging", "LucidTestSupport"]),
        .testTarget(
            name: "LucidDICOMwebTests", dependencies: ["LucidDICOMweb", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(
            name: "LucidCLITests",
            dependencies: [
                "lucid", "LucidMutationProbe", "LucidArchive", "LucidCodecs", "LucidDICOM", "LucidImaging",
                "LucidTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
