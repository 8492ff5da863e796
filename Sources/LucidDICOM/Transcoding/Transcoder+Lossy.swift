import Foundation

extension DICOMTag {
    public static let lossyImageCompressionRatio = DICOMTag(0x0028, 0x2112)
    public static let lossyImageCompressionMethod = DICOMTag(0x0028, 0x2114)
}

/// Lossy Image Compression (0028,2110), Ratio (0028,2112) and Method (0028,2114), PS3.3
/// C.7.6.1.1.5: an image that went through lossy compression says so for good, whatever syntax
/// carries it next.
extension Transcoder {
    /// Sets 0028,2110 to 01 and adds the Method and Ratio when absent, for a source whose syntax
    /// compressed it lossily; nothing for a lossless source (its own attributes stay as they are).
    static func lossyCompressionEdits(_ image: DICOMImage, compressedBytes: Int?) throws(TranscodeError) -> ElementEdits
    {
        guard let method = lossyMethod(image) else { return ElementEdits() }
        let dataSet = image.dataSet, pixel = image.pixel
        var edits = ElementEdits()
        do throws(DICOMWriteError) {
            if dataSet.string(.lossyImageCompression) != "01" {
                try edits.set(.lossyImageCompression, .CS, .strings(["01"]))
            }
            if !dataSet.hasValue(.lossyImageCompressionMethod) {
                try edits.set(.lossyImageCompressionMethod, .CS, .strings([method]))
            }
            if !dataSet.hasValue(.lossyImageCompressionRatio), let compressedBytes, compressedBytes > 0 {
                let nativeBytes =
                    Double(pixel.pixelsPerFrame * pixel.samplesPerPixel * pixel.numberOfFrames)
                    * Double(pixel.bitsAllocated) / 8
                let ratio = (nativeBytes / Double(compressedBytes) * 100).rounded() / 100
                try edits.set(.lossyImageCompressionRatio, .DS, .numbers([ratio]))
            }
        } catch {
            throw .cannotWrite(file: image.source, cause: error)
        }
        return edits
    }

    /// The Lossy Image Compression Method of the source's syntax when its frames were compressed
    /// lossily: always for JPEG DCT (ISO_10918_1); for JPEG-LS near-lossless (ISO_14495_1) unless
    /// the first frame's NEAR is 0; for JPEG 2000 (ISO_15444_1) and HTJ2K (ISO_15444_15) unless the
    /// first frame's COD segment names the reversible 5/3 wavelet. Nil for lossless syntaxes.
    static func lossyMethod(_ image: DICOMImage) -> String? {
        let firstFrame: () -> [UInt8]? = {
            let decoder = PixelDataDecoder(file: image.file, description: image.pixel, limits: image.limits)
            guard let element = image.dataSet[.pixelData] else { return nil }
            return try? decoder.frameBytes(element, index: 0)
        }
        switch image.file.transferSyntax.uid {
        case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51":
            return "ISO_10918_1"
        case "1.2.840.10008.1.2.4.81":
            return firstFrame().flatMap(CodestreamParameters.jpegLSNear) == 0 ? nil : "ISO_14495_1"
        case "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.93":
            return firstFrame().flatMap(CodestreamParameters.jpeg2000IsReversible) == true ? nil : "ISO_15444_1"
        case "1.2.840.10008.1.2.4.203":
            return firstFrame().flatMap(CodestreamParameters.jpeg2000IsReversible) == true ? nil : "ISO_15444_15"
        default:
            return nil
        }
    }
}

/// The few codestream header fields that tell lossless from lossy frames in syntaxes that allow both.
enum CodestreamParameters {
    /// NEAR of the first JPEG-LS scan (SOS, ITU-T T.87 C.2.3): 0 is lossless. Nil when not found.
    static func jpegLSNear(_ bytes: [UInt8]) -> Int? {
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if marker == 0xDA {
                guard index + 4 < bytes.count else { return nil }
                let near = index + 5 + 2 * Int(bytes[index + 4])
                return near < bytes.count ? Int(bytes[near]) : nil
            }
            index += 2 + length
        }
        return nil
    }

    /// Whether the main header's COD segment (ISO/IEC 15444-1 A.6.1) names the reversible 5/3
    /// wavelet. A JP2 file is searched for its codestream (SOC then SIZ). Nil when not found.
    static func jpeg2000IsReversible(_ bytes: [UInt8]) -> Bool? {
        let limit = min(bytes.count, 4096) - 3
        guard limit > 0,
            let start = (0..<limit).first(where: {
                bytes[$0] == 0xFF && bytes[$0 + 1] == 0x4F && bytes[$0 + 2] == 0xFF && bytes[$0 + 3] == 0x51
            })
        else { return nil }
        var index = start + 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if marker == 0x90 || marker == 0x93 { return nil }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            // FF52 Lcod Scod SGcod(4) SPcod: levels, code-block width, height, style, transform.
            if marker == 0x52 { return index + 13 < bytes.count ? bytes[index + 13] == 1 : nil }
            index += 2 + length
        }
        return nil
    }
}
