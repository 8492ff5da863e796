import LucidImaging

/// The samples of a decoded grayscale PNG, at the depth the file calls for.
public enum PNGGrayImage: Sendable, Equatable {
    /// Files stored with 1, 2, 4 or 8 bits per sample; lower depths are scaled to 0...255.
    case gray8(GrayImage<UInt8>)
    /// Files stored with 16 bits per sample, in native byte order.
    case gray16(GrayImage<UInt16>)

    /// Width in pixels.
    public var width: Int {
        switch self {
        case let .gray8(image): return image.width
        case let .gray16(image): return image.width
        }
    }

    /// Height in pixels.
    public var height: Int {
        switch self {
        case let .gray8(image): return image.height
        case let .gray16(image): return image.height
        }
    }
}

/// A decoded PNG: its samples, its stored bit depth and its text chunks.
public struct DecodedPNG: Sendable, Equatable {
    /// The samples, 8- or 16-bit.
    public var image: PNGGrayImage
    /// Bits per sample as stored in the file: 1, 2, 4, 8 or 16.
    public var storedBitDepth: Int
    /// Text chunks in file order (`tEXt`, `zTXt`, `iTXt`, before and after the image data).
    public var textChunks: [PNGTextChunk]

    public init(image: PNGGrayImage, storedBitDepth: Int, textChunks: [PNGTextChunk]) {
        self.image = image
        self.storedBitDepth = storedBitDepth
        self.textChunks = textChunks
    }

    /// The text of the first chunk with `keyword`, if any.
    public func text(forKeyword keyword: String) -> String? {
        textChunks.first { $0.keyword == keyword }?.text
    }
}
