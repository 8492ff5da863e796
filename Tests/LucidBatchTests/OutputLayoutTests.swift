import Foundation
import LucidBatch
import LucidTestSupport
import Testing

/// Where `lucid process` writes: the input tree mirrored under --out, names that never collide.
@Suite struct OutputLayoutTests {
    @Test("One folder: paths inside it, full file names kept, a suffix per rendition")
    func oneFolder() throws {
        let root = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/scans/a", withIntermediateDirectories: true)
        let layout = OutputLayout(inputs: [root + "/scans"], usesFilesFrom: false, outputDirectory: "out/")
        #expect(layout.root == root + "/scans")
        #expect(layout.outputPath(for: root + "/scans/a/b.dcm", frame: nil, format: .png) == "out/a/b.dcm.png")
        #expect(layout.outputPath(for: root + "/scans/a/b.dcm", frame: nil, format: .png16) == "out/a/b.dcm.16.png")
        #expect(layout.outputPath(for: root + "/scans/a/b.dcm", frame: 3, format: .jpeg) == "out/a/b.dcm.3.jpg")
        #expect(layout.outputPath(for: root + "/scans/b", frame: nil, format: .png) == "out/b.png")
    }

    @Test("Same-named files in different folders get distinct outputs; the root is their common folder")
    func sameNames() throws {
        let root = try LucidBinary.temporaryFolder()
        for folder in ["x/one", "y/two"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: root + "/\(folder)/a.dcm", contents: Data()))
        }
        let layout = OutputLayout(
            inputs: [root + "/x/one/a.dcm", root + "/y/two/a.dcm"], usesFilesFrom: false, outputDirectory: "o")
        #expect(layout.root == root)
        let first = layout.outputPath(for: root + "/x/one/a.dcm", frame: nil, format: .png)
        let second = layout.outputPath(for: root + "/y/two/a.dcm", frame: nil, format: .png)
        #expect(first == "o/x/one/a.dcm.png")
        #expect(second == "o/y/two/a.dcm.png")
    }

    @Test("Files outside the root go under @abs; names starting with @ inside it are escaped")
    func outsideRoot() throws {
        let root = try LucidBinary.temporaryFolder()
        let layout = OutputLayout(inputs: [root], usesFilesFrom: false, outputDirectory: "o")
        #expect(layout.relativeStem(of: "/elsewhere/x.dcm") == "@abs/elsewhere/x.dcm")
        #expect(layout.relativeStem(of: root + "/@abs/elsewhere/x.dcm") == "@@abs/elsewhere/x.dcm")
        #expect(layout.relativeStem(of: root + "/sub/../y.dcm") == "y.dcm")
    }

    @Test("An INPUT that does not exist does not move the root; when none exists the paths as given decide")
    func missingInput() throws {
        let root = try LucidBinary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/scans", withIntermediateDirectories: true)
        let layout = OutputLayout(
            inputs: [root + "/scans", root + "/elsewhere/gone.dcm"], usesFilesFrom: false, outputDirectory: "o")
        #expect(layout.root == root + "/scans")
        let missing = OutputLayout(
            inputs: [root + "/a/gone", root + "/b/gone.dcm"], usesFilesFrom: false, outputDirectory: "o")
        #expect(missing.root == root)
    }

    @Test("Formats parse by name")
    func formats() {
        #expect(RenditionFormat(name: "PNG") == .png)
        #expect(RenditionFormat(name: "png16") == .png16)
        #expect(RenditionFormat(name: "jpg") == .jpeg)
        #expect(RenditionFormat(name: "tiff") == nil)
    }
}
