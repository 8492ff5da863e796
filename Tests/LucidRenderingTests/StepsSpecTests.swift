import LucidImaging
import LucidRendering
import Testing

/// The `--steps` syntax: the documented example parses as written, every step round-trips through
/// its description, and a bad specification is rejected at the exact character.
@Suite struct StepsSpecTests {
    @Test("The documented example parses as written")
    func example() throws {
        let spec = try StepsSpec(
            parsing: "denoise:median:3 | clahe:clip=2,tiles=8x8 | unsharp:sigma=1.5,amount=0.6 | window:file")
        #expect(
            spec.steps == [
                .median(size: 3), .clahe(clip: 2, tilesX: 8, tilesY: 8), .unsharp(sigma: 1.5, amount: 0.6),
                .window(.file(nil)),
            ])
        #expect(spec.filters.count == 3)
        #expect(spec.window == .file(nil))
    }

    @Test("Defaults, positional values, synonyms and window specifications")
    func variants() throws {
        #expect(try StepsSpec(parsing: "clahe").steps == [.clahe(clip: 2, tilesX: 8, tilesY: 8), .window(.file(nil))])
        #expect(try StepsSpec(parsing: "clahe:3").steps.first == .clahe(clip: 3, tilesX: 8, tilesY: 8))
        #expect(try StepsSpec(parsing: "median:5").steps.first == .median(size: 5))
        #expect(try StepsSpec(parsing: "denoise:gaussian:1.5").steps.first == .gaussian(sigma: 1.5))
        #expect(try StepsSpec(parsing: "histeq|window:lung").steps == [.equalize, .window(.preset(.lung))])
        #expect(
            try StepsSpec(parsing: "denoise:bilateral:diameter=9,sigma-space=4").steps.first
                == .bilateral(diameter: 9, sigmaSpace: 4, sigmaColor: 100))
        #expect(try StepsSpec(parsing: "nlm").steps.first == .nonLocalMeans(h: 30, template: 7, search: 21))
        #expect(try StepsSpec(parsing: "window:-600,1500").window == .explicit(center: -600, width: 1500))
        #expect(try StepsSpec(parsing: "window:file:2").window == .file(2))
    }

    @Test("Every step's description parses back to the same step")
    func roundTrip() throws {
        let steps: [ProcessingStep] = [
            .median(size: 7), .gaussian(sigma: 2.25), .bilateral(diameter: 5, sigmaSpace: 2, sigmaColor: 100),
            .nonLocalMeans(h: 30, template: 7, search: 21), .clahe(clip: 2.5, tilesX: 4, tilesY: 6), .equalize,
            .unsharp(sigma: 1.5, amount: 0.6), .window(.explicit(center: 40, width: 400)),
        ]
        let spec = StepsSpec(steps: steps)
        #expect(try StepsSpec(parsing: spec.description) == spec)
    }

    @Test(
        "A bad specification is rejected at the exact character",
        arguments: [
            ("median:4", 7, "odd"),
            ("clahe:clip=2,tiles=8y8", 19, "COLUMNSxROWS"),
            ("clahe:clip=two", 11, "must be a number"),
            ("sharpen:1", 0, "unknown step 'sharpen'"),
            ("median:3 || clahe", 10, "empty step"),
            ("window:file | median:3", 14, "must be the last step"),
            ("unsharp:sigma=1,power=2", 16, "unknown parameter 'power'"),
            ("window:lungs", 7, "expected file"),
            ("denoise", 0, "needs a method"),
            ("equalize:3", 9, "takes no arguments"),
            ("gaussian", 8, "missing sigma"),
            ("unsharp:amount=-1", 15, "amount must be >= 0"),
        ])
    func errors(text: String, position: Int, message: String) {
        #expect {
            _ = try StepsSpec(parsing: text)
        } throws: { error in
            guard let error = error as? StepsSyntaxError else { return false }
            return error.position == position && error.message.contains(message)
                && error.description.hasSuffix(String(repeating: " ", count: position) + "^")
        }
    }
}
