import Foundation
import LucidTestSupport
import Testing

/// SwiftPM refuses a package as a dependency taken by version when a target of a product it uses
/// carries unsafe flags, so the manifest must carry none (the kernels' CPU options come from
/// `Toolsets/`, given to `swift build` by the one who builds).
@Suite struct PackageManifestTests {
    @Test("no target of Package.swift carries unsafe flags")
    func noUnsafeFlags() throws {
        let swift = ExternalTool.find("swift")
        guard ExternalTool.require(swift != nil, tool: "swift", install: "a Swift toolchain on the PATH"), let swift
        else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let scratch = try LucidBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let dump = try ExternalTool.run(
            swift, ["package", "--package-path", root, "--scratch-path", scratch, "dump-package"])
        #expect(dump.status == 0, "\(dump.standardError)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any])
        let targets = try #require(manifest["targets"] as? [[String: Any]])
        #expect(targets.count > 10, "the manifest's targets were read")
        for target in targets {
            let settings = try JSONSerialization.data(withJSONObject: target["settings"] ?? [])
            #expect(
                !String(decoding: settings, as: UTF8.self).contains("unsafeFlags"),
                "\(target["name"] ?? "?") carries unsafe flags")
        }
    }

    @Test("lucid --version names the version and the instruction set level of the build")
    func versionNamesLevel() throws {
        let result = try LucidBinary.run(["--version"])
        #expect(result.status == 0)
        let text = result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        let levels = [
            "x86-64-v4 (AVX-512)", "x86-64-v3 (AVX2, FMA)", "x86-64-v2 (SSE4.2)", "x86-64 baseline (SSE2)",
            "arm64 (NEON)", "portable (no SIMD level known)",
        ]
        #expect(levels.contains { text == "0.1.0, built for \($0)" }, "\(text)")
    }
}
