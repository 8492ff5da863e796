import LucidImaging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deliberately plain re-statement of the display formulas, one value at a time, written from
/// DICOM-DISPLAY.md / PS3.3 without using the module's evaluation code.
enum ReferenceDisplay {
    /// Stored value of an offset-binary sample.
    static func storedValue(sample: Int, bitsStored: Int, signed: Bool) -> Int {
        signed ? sample - (1 << (bitsStored - 1)) : sample
    }

    /// Rescale (or identity when slope is nil).
    static func modalityValue(stored: Int, slope: Double?, intercept: Double) -> Double {
        guard let slope else { return Double(stored) }
        return slope * Double(stored) + intercept
    }

    /// PS3.3 C.11.2.1.2.1 / C.11.2.1.3.1 / C.11.2.1.3.2 with ymin = 0, then floor(y + 0.5), clamped.
    static func windowLevel(x: Double, center c: Double, width w: Double, function: VOIFunction, ymax: Int) -> Int {
        let ymin = 0.0
        let top = Double(ymax)
        let y: Double
        switch function {
        case .linear:
            if x <= c - 0.5 - (w - 1) / 2 {
                y = ymin
            } else if x > c - 0.5 + (w - 1) / 2 {
                y = top
            } else {
                y = ((x - (c - 0.5)) / (w - 1) + 0.5) * (top - ymin) + ymin
            }
        case .linearExact:
            if x <= c - w / 2 {
                y = ymin
            } else if x > c + w / 2 {
                y = top
            } else {
                y = ((x - c) / w + 0.5) * (top - ymin) + ymin
            }
        case .sigmoid:
            y = (top - ymin) / (1 + exp(-4 * (x - c) / w)) + ymin
        }
        return roundHalfUp(y, ymax: ymax)
    }

    /// floor(y + 0.5) clamped to 0 ... ymax.
    static func roundHalfUp(_ y: Double, ymax: Int) -> Int {
        let rounded = floor(y + 0.5)
        if rounded < 0 { return 0 }
        if rounded > Double(ymax) { return ymax }
        return Int(rounded)
    }

    /// The reference renderer's way (pydicom): y over the nominal range [lo, hi], then
    /// x = (y - lo) / (hi - lo) and floor(x * 255 + 0.5).
    static func pydicomStyleLevel8(
        x: Double, center c: Double, width w: Double, function: VOIFunction, lo: Double, hi: Double
    ) -> Int {
        let range = hi - lo
        let y: Double
        switch function {
        case .linear:
            let cc = c - 0.5
            let ww = w - 1
            if x <= cc - ww / 2 {
                y = lo
            } else if x > cc + ww / 2 {
                y = hi
            } else {
                y = ((x - cc) / ww + 0.5) * range + lo
            }
        case .linearExact:
            if x <= c - w / 2 {
                y = lo
            } else if x > c + w / 2 {
                y = hi
            } else {
                y = ((x - c) / w + 0.5) * range + lo
            }
        case .sigmoid:
            y = range / (1 + exp(-4 * (x - c) / w)) + lo
        }
        return roundHalfUp((y - lo) / range * 255, ymax: 255)
    }
}
