import LucidImaging

/// One step of a processing pipeline. Steps before the window work on the 16-bit stored samples;
/// the window maps to the 8- or 16-bit output and comes last.
public enum ProcessingStep: Sendable, Equatable, CustomStringConvertible {
    /// Median filter of a `size` x `size` square (odd, >= 3).
    case median(size: Int)
    /// Gaussian blur, sigma in pixels.
    case gaussian(sigma: Double)
    /// Bilateral filter: spatial diameter in pixels, spatial sigma in pixels, range sigma in sample units.
    case bilateral(diameter: Int, sigmaSpace: Double, sigmaColor: Double)
    /// Non-local means: filter strength `h` in sample units, template and search window sizes (odd).
    case nonLocalMeans(h: Double, template: Int, search: Int)
    /// CLAHE with OpenCV's clip-limit meaning and a tile grid.
    case clahe(clip: Double, tilesX: Int, tilesY: Int)
    /// Global histogram equalisation.
    case equalize
    /// Unsharp mask: Gaussian sigma in pixels, amount >= 0.
    case unsharp(sigma: Double, amount: Double)
    /// The VOI step (last).
    case window(WindowSpec)

    /// The step in the `--steps` syntax; parsing it gives the same step back.
    public var description: String {
        switch self {
        case .median(let size): return "denoise:median:\(size)"
        case .gaussian(let sigma): return "denoise:gaussian:sigma=\(number(sigma))"
        case .bilateral(let diameter, let sigmaSpace, let sigmaColor):
            return
                "denoise:bilateral:diameter=\(diameter),sigma-space=\(number(sigmaSpace)),sigma-color=\(number(sigmaColor))"
        case .nonLocalMeans(let h, let template, let search):
            return "denoise:nlm:h=\(number(h)),template=\(template),search=\(search)"
        case .clahe(let clip, let tilesX, let tilesY): return "clahe:clip=\(number(clip)),tiles=\(tilesX)x\(tilesY)"
        case .equalize: return "equalize"
        case .unsharp(let sigma, let amount): return "unsharp:sigma=\(number(sigma)),amount=\(number(amount))"
        case .window(let spec): return "window:\(spec)"
        }
    }
}

/// A number as written in a recipe: integers without a fraction, others as Swift prints them.
func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
