import LucidImaging
import Testing

@testable import LucidBench
@testable import LucidRendering

@Suite("One operation catalog for --steps and lucid bench")
struct OperationCatalogTests {
    static let image = GrayImage<UInt16>(
        width: 23, height: 17, pixels: (0..<(23 * 17)).map { UInt16(($0 * 2_654_435_761) % 4096) })

    @Test("a step and bench options with the same values build the same kernel, defaults from the catalog")
    func stepsAndBenchAgree() throws {
        let cases: [(steps: String, bench: String, parameters: BenchParameters)] = [
            ("denoise:bilateral", "bilateral", BenchParameters()),
            ("nlm", "nlm", BenchParameters()),
            ("clahe", "clahe", BenchParameters()),
            ("unsharp", "unsharp", BenchParameters()),
            ("equalize", "histeq", BenchParameters()),
            (
                "median:5", "median",
                {
                    var p = BenchParameters(); p.kernelSize = 5; return p
                }()
            ),
            ("gaussian:1.5", "gaussian", BenchParameters()),
            (
                "clahe:clip=3,tiles=4x2", "clahe",
                {
                    var p = BenchParameters(); p.clipLimit = 3; p.tilesX = 4; p.tilesY = 2; return p
                }()
            ),
        ]
        for (steps, bench, parameters) in cases {
            let executor = try StepExecutor(steps: try StepsSpec(parsing: steps).filters, bitsStored: 12)
            let operation = try OperationRegistry.operation(
                named: bench, parameters: parameters, bitsStored: 12, threads: 2)
            let step = try #require(try StepsSpec(parsing: steps).filters.first)
            let filter = try #require(try OperationCatalog.filter(for: step, bitsStored: 12))
            #expect(operation.parameters == [BenchParameter("bits", 12)] + filter.parameters, "\(steps)")
            #expect(try operation.run(Self.image) == .gray16(executor.apply(Self.image, threads: 1)), "\(steps)")
        }
    }

    @Test("defaults are filled in and reported; the window's follow the bit depth")
    func defaults() throws {
        let bilateral = try #require(
            try OperationCatalog.operation(named: "bilateral", arguments: OperationArguments(), bitsStored: 12))
        #expect(
            bilateral.parameters == [
                OperationParameter("diameter", 5), OperationParameter("sigma_space", 2.0),
                OperationParameter("sigma_color", 100.0),
            ])
        let window = try #require(
            try OperationCatalog.operation(named: "window", arguments: OperationArguments(), bitsStored: 10))
        #expect(
            window.parameters == [
                OperationParameter("center", 512.0), OperationParameter("width", 512.0),
                OperationParameter("function", "LINEAR"),
            ])
        #expect(try OperationCatalog.operation(named: "decode", arguments: OperationArguments(), bitsStored: 12) == nil)
    }

    @Test("a value a kernel rejects throws the kernel's error; a bad window names the parameter")
    func validation() {
        #expect(throws: ImageOperationError.self) {
            try OperationCatalog.operation(
                named: "median", arguments: OperationArguments(["kernel": .integer(4)]), bitsStored: 12)
        }
        #expect(
            throws: ImageOperationError.invalidParameter(
                operation: "window", name: "width", value: "0", rule: "must be >= 1 for LINEAR")
        ) {
            try OperationCatalog.operation(
                named: "window", arguments: OperationArguments(["width": .number(0)]), bitsStored: 12)
        }
        #expect(throws: ImageOperationError.self) {
            try OperationCatalog.operation(
                named: "clahe", arguments: OperationArguments(["tiles": .text("8by8")]), bitsStored: 12)
        }
    }
}
