/// Samples a codestream decoder produced, interleaved by pixel (row-major; for each pixel its
/// components in order), in the smallest container that holds the codestream's precision.
///
/// Every sample is the decoded value as two's complement truncated to the container's width:
/// an unsigned value as it is, a signed value (JPEG 2000 `Ssiz` sign bit) sign-extended from its
/// precision first, so `-5` in a signed 12-bit codestream is `0xFFFB` in `.uint16`. The DICOM
/// layer then masks to Bits Stored and applies Pixel Representation (PS3.5 §8.2).
public enum SampleBuffer: Sendable, Equatable {
    /// Precision 1...8.
    case uint8([UInt8])
    /// Precision 9...16.
    case uint16([UInt16])
    /// Precision 17...32.
    case uint32([UInt32])

    /// Number of samples held.
    public var count: Int {
        switch self {
        case .uint8(let samples): samples.count
        case .uint16(let samples): samples.count
        case .uint32(let samples): samples.count
        }
    }

    /// Bytes per sample of the container: 1, 2 or 4.
    public var bytesPerSample: Int {
        switch self {
        case .uint8: 1
        case .uint16: 2
        case .uint32: 4
        }
    }
}

/// The compressed formats decoded through a codestream decoder (each behind its own C shim).
public enum CodestreamFormat: String, Sendable, Equatable, CustomStringConvertible {
    /// JPEG-LS, ITU-T T.87 / ISO/IEC 14495-1, through CharLS.
    case jpegLS = "JPEG-LS"
    /// JPEG 2000 Part 1, ISO/IEC 15444-1, through OpenJPEG.
    case jpeg2000 = "JPEG 2000"
    /// High-Throughput JPEG 2000, ISO/IEC 15444-15, through OpenJPH.
    case htj2k = "HTJ2K"
    /// JPEG DCT-based sequential (Baseline and Extended, ITU-T T.81 processes 1, 2 and 4).
    case jpegExtended = "JPEG Extended"

    public var description: String { rawValue }
}

/// One decoded codestream: its geometry as the codestream itself declares it, and its samples.
/// Decoders never trust the library's output: `samples.count == width * height * components`
/// is checked before a value is built, and the caller compares the geometry with what the DICOM
/// header declares.
public struct DecodedCodestream: Sendable, Equatable {
    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels, at least 1.
    public let height: Int
    /// Components (samples per pixel), at least 1.
    public let components: Int
    /// Bits per sample the codestream declares (JPEG-LS `P`, JPEG 2000 `Ssiz`+1, JPEG `P`),
    /// 1...32; the same for every component (decoders refuse codestreams whose components differ).
    public let precision: Int
    /// Whether the codestream declares signed samples (JPEG 2000 only; false for the others).
    public let isSigned: Bool
    /// Whether the decoder already turned a JPEG 2000 multiple-component transform (ICT or RCT)
    /// back into RGB (PS3.5 A.4.4: YBR_ICT and YBR_RCT data come out as RGB).
    public let colorTransformUndone: Bool
    /// `width * height * components` samples, interleaved by pixel.
    public let samples: SampleBuffer

    public init(
        width: Int, height: Int, components: Int, precision: Int, isSigned: Bool = false,
        colorTransformUndone: Bool = false, samples: SampleBuffer
    ) {
        precondition(width > 0 && height > 0 && components > 0, "DecodedCodestream needs a positive size")
        precondition(samples.count == width * height * components, "DecodedCodestream sample count mismatch")
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.isSigned = isSigned
        self.colorTransformUndone = colorTransformUndone
        self.samples = samples
    }
}

/// What the caller knows before a codestream is decoded, so that a decoder allocates nothing the
/// DICOM header did not declare (the header's frame is itself checked against `ReadLimits`).
public struct CodestreamLimits: Sendable, Equatable {
    /// Largest `width * height * components` accepted; a codestream header declaring more is
    /// refused with `CodecError.imageTooLarge` before any sample buffer is allocated.
    public let maximumSampleCount: Int

    public init(maximumSampleCount: Int) {
        self.maximumSampleCount = maximumSampleCount
    }
}

/// Samples to encode, interleaved by pixel, with the precision and sign to declare.
public struct CodestreamSource: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (colour, encoded without a colour transform).
    public let components: Int
    /// Bits per sample to declare, 2...16.
    public let precision: Int
    /// Signed samples (two's complement in `samples`' container, sign-extended).
    public let isSigned: Bool
    /// `width * height * components` samples: `.uint8` for precision up to 8, else `.uint16`.
    public let samples: SampleBuffer

    public init(width: Int, height: Int, components: Int, precision: Int, isSigned: Bool, samples: SampleBuffer) {
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.isSigned = isSigned
        self.samples = samples
    }
}
