// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lucid",
    products: [
        .library(name: "LucidImaging", targets: ["LucidImaging"]),
        .library(name: "LucidCodecs", targets: ["LucidCodecs"]),
        .library(name: "LucidDICOM", targets: ["LucidDICOM"]),
        .library(name: "LucidPNG", targets: ["LucidPNG"]),
        .library(name: "LucidRendering", targets: ["LucidRendering"]),
        .library(name: "LucidFiles", targets: ["LucidFiles"]),
        .library(name: "LucidArchive", targets: ["LucidArchive"]),
        .library(name: "LucidDICOMweb", targets: ["LucidDICOMweb"]),
        .library(name: "LucidPACS", targets: ["LucidPACS"]),
        .library(name: "LucidBatch", targets: ["LucidBatch"]),
        .library(name: "LucidDose", targets: ["LucidDose"]),
        .library(name: "LucidDeidentify", targets: ["LucidDeidentify"]),
        .executable(name: "lucid", targets: ["lucid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Kept C libraries, found by pkg-config (README, "Set-up", installs them).
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
        .systemLibrary(
            name: "CISAL", pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"]), .brew(["isa-l"])]),
        // The C and C++ shims: every library call checked, no library error crossing into Swift.
        .target(name: "CCodecShims", dependencies: ["CJPEG"]),
        .target(name: "CPNGShim", dependencies: ["CPNG", "CZlib", "CISAL", "CCodecShims"]),
        .target(name: "CJPEG2000Shim", dependencies: ["COpenJPEG"]),
        .target(name: "CJPEGLSShim", dependencies: ["CCharLS", "CCodecShims"]),
        // OpenJPH (HTJ2K) is C++; its Debian pkg-config file is empty, so the library is linked by name.
        .target(name: "CHTJ2KShim", dependencies: ["CCodecShims"], linkerSettings: [.linkedLibrary("openjph")]),
        .target(name: "CBuildInfo"),
        .target(name: "CHeapSettings"),
        // bytes -> image -> operations -> bytes -> archive -> PACS (README, "Architecture").
        .target(name: "LucidImaging", exclude: ["README.md", "Median/generate_median_networks.py"]),
        .target(
            name: "LucidCodecs",
            dependencies: ["LucidImaging", "CCodecShims", "CJPEG2000Shim", "CJPEGLSShim", "CHTJ2KShim"],
            exclude: ["README.md"]),
        .target(name: "LucidFiles", exclude: ["README.md"]),
        .target(
            name: "LucidDICOM", dependencies: ["LucidImaging", "LucidCodecs", "LucidFiles", "CZlib"],
            exclude: ["README.md", "generate_standard_dictionary.py"]),
        .target(name: "LucidPNG", dependencies: ["LucidImaging", "LucidCodecs", "CPNGShim"], exclude: ["README.md"]),
        .target(
            name: "LucidRendering",
            dependencies: ["LucidImaging", "LucidDICOM", "LucidCodecs", "LucidPNG", "LucidFiles", "CBuildInfo"],
            exclude: ["README.md"]),
        .target(
            name: "LucidArchive",
            dependencies: [
                "LucidDICOM", "LucidFiles", "CLibCrypto", .product(name: "GRDB", package: "GRDB.swift"),
            ], exclude: ["README.md"]),
        .target(name: "LucidDICOMweb", dependencies: ["LucidDICOM"], exclude: ["README.md"]),
        .target(name: "LucidDose", dependencies: ["LucidDICOM"], exclude: ["README.md"]),
        .target(
            name: "LucidDeidentify", dependencies: ["LucidDICOM", "CLibCrypto"],
            exclude: ["README.md", "generate_confidentiality_profile.py", "generate_safe_private_attributes.py"]),
        .target(
            name: "LucidPACS",
            dependencies: ["LucidArchive", "LucidDICOMweb", "LucidDICOM", "LucidFiles", "LucidRendering"],
            exclude: ["README.md"]),
        .target(
            name: "LucidBatch",
            dependencies: [
                "LucidImaging", "LucidDICOM", "LucidCodecs", "LucidPNG", "LucidFiles", "LucidRendering",
                "LucidArchive", "LucidPACS", "LucidDose", "LucidDeidentify",
            ], exclude: ["README.md"]),
        // `lucid bench`: measures the kernels and decoders; part of the command, not a library product.
        .target(
            name: "LucidBench",
            dependencies: ["LucidImaging", "LucidDICOM", "LucidCodecs", "LucidPNG", "LucidRendering"],
            exclude: ["README.md"]),
        .executableTarget(
            name: "lucid",
            dependencies: [
                "LucidBatch", "LucidBench", "LucidPACS", "LucidRendering", "LucidArchive", "LucidDICOM",
                "LucidCodecs", "LucidPNG", "LucidFiles", "LucidImaging", "LucidDICOMweb", "LucidDose",
                "LucidDeidentify", "CHeapSettings", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], exclude: ["README.md"]),
        .target(name: "LucidTestSupport", dependencies: ["LucidDICOM", "CZlib"], path: "Tests/LucidTestSupport"),
        // Runs the mutations of one file in a child process, so the mutation test can cap and measure its memory.
        .executableTarget(
            name: "LucidMutationProbe",
            dependencies: ["LucidDICOM", "LucidImaging", "LucidRendering", "LucidTestSupport"],
            path: "Tests/LucidMutationProbe"),
        .testTarget(
            name: "LucidImagingTests", dependencies: ["LucidImaging", "LucidTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "LucidCodecsTests",
            dependencies: ["LucidCodecs", "LucidPNG", "LucidImaging", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(name: "LucidFilesTests", dependencies: ["LucidFiles", "LucidTestSupport"]),
        .testTarget(
            name: "LucidDICOMTests", dependencies: ["LucidDICOM", "LucidCodecs", "LucidImaging", "LucidTestSupport"]),
        .testTarget(
            name: "LucidPNGTests",
            dependencies: ["LucidPNG", "LucidCodecs", "LucidImaging", "LucidTestSupport", "CZlib"]),
        .testTarget(
            name: "LucidRenderingTests",
            dependencies: [
                "LucidRendering", "LucidBench", "LucidDICOM", "LucidPNG", "LucidFiles", "LucidImaging",
                "LucidTestSupport",
            ]),
        .testTarget(
            name: "LucidArchiveTests",
            dependencies: ["LucidArchive", "LucidDICOM", "LucidImaging", "LucidTestSupport"]),
        .testTarget(
            name: "LucidDICOMwebTests", dependencies: ["LucidDICOMweb", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(name: "LucidPACSTests", dependencies: ["LucidPACS", "LucidDICOMweb", "LucidTestSupport"]),
        .testTarget(name: "LucidDoseTests", dependencies: ["LucidDose", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(
            name: "LucidDeidentifyTests", dependencies: ["LucidDeidentify", "LucidDICOM", "LucidTestSupport"]),
        .testTarget(
            name: "LucidBatchTests",
            dependencies: [
                "LucidBatch", "LucidRendering", "LucidPACS", "LucidDICOM", "LucidCodecs", "LucidPNG", "LucidFiles",
                "LucidImaging", "LucidDICOMweb", "LucidDose", "LucidDeidentify", "LucidTestSupport",
            ]),
        .testTarget(
            name: "LucidCLITests",
            dependencies: [
                "lucid", "LucidMutationProbe", "LucidBench", "LucidArchive", "LucidCodecs", "LucidPNG", "LucidFiles",
                "LucidDICOM", "CHeapSettings",
                "LucidImaging", "LucidTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
