/// The accurate integer inverse DCT of the IJG libjpeg family ("islow", jidctint.c): the
/// Loeffler–Ligtenberg–Moschytz factorisation with 13-bit fixed-point constants, columns first,
/// then rows (T.81 A.3.3 defines the ideal transform; T.83 bounds its error). Using the same
/// arithmetic as libjpeg, libjpeg-turbo and DCMTK's IJG copies gives the same samples as they do.
///
/// Intermediate values keep `pass1Bits` extra fraction bits between the passes: 2 for 8-bit
/// samples, 1 for 12-bit ones. Outputs are level-shifted by 2^(P−1) and range-limited like
/// libjpeg's post-IDCT table: values wrap modulo 4 × 2^P and then clamp to 0...2^P − 1.
struct JPEGInverseDCT {
    // FIX(x) = round(x × 2^13); "0p298631336" reads 0.298631336.
    private static let constantBits = 13
    private static let fix0p298631336 = 2446
    private static let fix0p390180644 = 3196
    private static let fix0p541196100 = 4433
    private static let fix0p765366865 = 6270
    private static let fix0p899976223 = 7373
    private static let fix1p175875602 = 9633
    private static let fix1p501321110 = 12299
    private static let fix1p847759065 = 15137
    private static let fix1p961570560 = 16069
    private static let fix2p053119869 = 16819
    private static let fix2p562915447 = 20995
    private static let fix3p072711026 = 25172

    private let pass1Bits: Int
    private let maximumSample: Int
    private let center: Int
    /// 2 × 2^P and 4 × 2^P − 1: the wrap of libjpeg's range-limit table.
    private let wrapOffset: Int
    private let wrapMask: Int
    /// The column pass's output, row-major.
    private var workspace = [Int](repeating: 0, count: 64)

    /// - Parameter precision: the frame's sample precision, 8 or 12.
    init(precision: Int) {
        pass1Bits = precision == 8 ? 2 : 1
        maximumSample = (1 << precision) - 1
        center = 1 << (precision - 1)
        wrapOffset = 2 << precision
        wrapMask = (4 << precision) - 1
    }

    /// libjpeg's range limit of a descaled output: wrap to −2^(P+1) ..< 2^(P+1), level-shift, clamp.
    @inline(__always)
    private func limit(_ value: Int) -> UInt16 {
        let sample = ((value &+ wrapOffset) & wrapMask) &- wrapOffset &+ center
        return UInt16(truncatingIfNeeded: sample < 0 ? 0 : (sample > maximumSample ? maximumSample : sample))
    }

    /// Fills the 8 × 8 block at `origin` (row stride `stride`) of `samples` from a block whose only
    /// non-zero coefficient is the dequantized DC value: every sample is the same (as islow gives).
    func transformDCOnly(_ dc: Int, into samples: inout [UInt16], at origin: Int, stride: Int) {
        let scaled = dc &<< pass1Bits
        let value = limit((scaled &+ (1 &<< (pass1Bits + 2))) &>> (pass1Bits + 3))
        for row in 0..<8 {
            let start = origin + row * stride
            for column in 0..<8 { samples[start + column] = value }
        }
    }

    /// Transforms 64 dequantized coefficients in natural (row-major) order into the 8 × 8 block at
    /// `origin` (row stride `stride`) of `samples`.
    mutating func transform(_ input: [Int], into samples: inout [UInt16], at origin: Int, stride: Int) {
        let pass1Bits = self.pass1Bits
        // Pass 1: columns, keeping pass1Bits fraction bits.
        let pass1Shift = Self.constantBits - pass1Bits
        for column in 0..<8 {
            if input[8 + column] == 0, input[16 + column] == 0, input[24 + column] == 0, input[32 + column] == 0,
                input[40 + column] == 0, input[48 + column] == 0, input[56 + column] == 0
            {
                let value = input[column] &<< pass1Bits
                for row in 0..<8 { workspace[row * 8 + column] = value }
                continue
            }
            let out = Self.butterfly(
                input[column], input[8 + column], input[16 + column], input[24 + column], input[32 + column],
                input[40 + column], input[48 + column], input[56 + column], shift: pass1Shift)
            workspace[column] = out.0
            workspace[8 + column] = out.1
            workspace[16 + column] = out.2
            workspace[24 + column] = out.3
            workspace[32 + column] = out.4
            workspace[40 + column] = out.5
            workspace[48 + column] = out.6
            workspace[56 + column] = out.7
        }
        // Pass 2: rows, removing the fraction bits and the factor 8 of the 2-D transform.
        let pass2Shift = Self.constantBits + pass1Bits + 3
        for row in 0..<8 {
            let w = row * 8
            let out = Self.butterfly(
                workspace[w], workspace[w + 1], workspace[w + 2], workspace[w + 3], workspace[w + 4],
                workspace[w + 5], workspace[w + 6], workspace[w + 7], shift: pass2Shift)
            let start = origin + row * stride
            samples[start] = limit(out.0)
            samples[start + 1] = limit(out.1)
            samples[start + 2] = limit(out.2)
            samples[start + 3] = limit(out.3)
            samples[start + 4] = limit(out.4)
            samples[start + 5] = limit(out.5)
            samples[start + 6] = limit(out.6)
            samples[start + 7] = limit(out.7)
        }
    }

    /// One 8-point islow IDCT of `x0...x7`, each output rounded and shifted right by `shift`
    /// (libjpeg's DESCALE).
    @inline(__always)
    private static func butterfly(
        _ x0: Int, _ x1: Int, _ x2: Int, _ x3: Int, _ x4: Int, _ x5: Int, _ x6: Int, _ x7: Int, shift: Int
    ) -> (Int, Int, Int, Int, Int, Int, Int, Int) {
        // Even part.
        let z1 = (x2 &+ x6) &* fix0p541196100
        let even2 = z1 &- x6 &* fix1p847759065
        let even3 = z1 &+ x2 &* fix0p765366865
        let even0 = (x0 &+ x4) &<< constantBits
        let even1 = (x0 &- x4) &<< constantBits
        let tmp10 = even0 &+ even3, tmp13 = even0 &- even3
        let tmp11 = even1 &+ even2, tmp12 = even1 &- even2
        // Odd part.
        let sum71 = x7 &+ x1, sum53 = x5 &+ x3, sum73 = x7 &+ x3, sum51 = x5 &+ x1
        let z5 = (sum73 &+ sum51) &* fix1p175875602
        let za = sum71 &* -fix0p899976223
        let zb = sum53 &* -fix2p562915447
        let zc = sum73 &* -fix1p961570560 &+ z5
        let zd = sum51 &* -fix0p390180644 &+ z5
        let odd0 = x7 &* fix0p298631336 &+ za &+ zc
        let odd1 = x5 &* fix2p053119869 &+ zb &+ zd
        let odd2 = x3 &* fix3p072711026 &+ zb &+ zc
        let odd3 = x1 &* fix1p501321110 &+ za &+ zd
        let rounding = 1 &<< (shift - 1)
        return (
            (tmp10 &+ odd3 &+ rounding) &>> shift, (tmp11 &+ odd2 &+ rounding) &>> shift,
            (tmp12 &+ odd1 &+ rounding) &>> shift, (tmp13 &+ odd0 &+ rounding) &>> shift,
            (tmp13 &- odd0 &+ rounding) &>> shift, (tmp12 &- odd1 &+ rounding) &>> shift,
            (tmp11 &- odd2 &+ rounding) &>> shift, (tmp10 &- odd3 &+ rounding) &>> shift
        )
    }
}
