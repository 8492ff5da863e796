import LucidCodecs

/// Compressed frames and encapsulated Pixel Data (PS3.5 A.4): one fragment per frame, each padded
/// to even length with a zero byte after its codestream's end marker, and a Basic Offset Table
/// giving where each frame's fragment starts.
extension Transcoder {
    /// Frame `frame` (from 1) compressed losslessly in `target`, padded to even length.
    static func compress(_ stored: StoredFrame, to target: TargetSyntax, file: String, frame: Int)
        throws(TranscodeError) -> [UInt8]
    {
        var codestream: [UInt8]
        do throws(CodecError) {
            switch target {
            case .jpegLSLossless:
                // JPEG-LS has no sign and at least 2 bits: the low `precision` bits are written.
                codestream = try JPEGLSCodec.encode(codestreamSource(stored, precision: max(2, stored.bitsStored)))
            case .htj2kLossless:
                codestream = try encodeHTJ2K(codestreamSource(stored, precision: stored.bitsStored))
            case .explicitVRLittleEndian:
                preconditionFailure("native frames are not compressed")
            }
        } catch {
            throw .frameDoesNotEncode(file: file, frame: frame, target: target, cause: error)
        }
        if codestream.count % 2 == 1 { codestream.append(0) }
        return codestream
    }

    /// The samples of `stored` as an encoder's input: `.uint8` up to 8 bits of precision, else
    /// `.uint16`; signed values sign-extended in their container (see `CodestreamSource`).
    static func codestreamSource(_ stored: StoredFrame, precision: Int) -> CodestreamSource {
        let count = stored.samples.count
        let samples: SampleBuffer
        if precision <= 8 {
            samples = .uint8((0..<count).map { UInt8(truncatingIfNeeded: stored.storedValue(at: $0)) })
        } else {
            samples = .uint16((0..<count).map { UInt16(truncatingIfNeeded: stored.storedValue(at: $0)) })
        }
        return CodestreamSource(
            width: stored.columns, height: stored.rows, components: stored.samplesPerPixel, precision: precision,
            isSigned: stored.isSigned, samples: samples)
    }

    /// The Pixel Data element (7FE0,0010) OB of undefined length (see `encapsulatedPixelData(_:)`).
    static func encapsulatedPixelData(_ fragments: [[UInt8]], file: String) throws(TranscodeError) -> [UInt8] {
        guard let element = encapsulatedPixelData(fragments) else {
            throw .tooLarge(
                file: file, reason: "the frames make more Pixel Data than the 32-bit Basic Offset Table can address")
        }
        return element
    }

    /// The Pixel Data element (7FE0,0010) OB of undefined length: the Basic Offset Table item, one
    /// item per frame, the Sequence Delimitation item (PS3.5 A.4, Table A.4-1). Each fragment must
    /// already have even length. Nil when a fragment or a frame's offset does not fit 32 bits.
    static func encapsulatedPixelData(_ fragments: [[UInt8]]) -> [UInt8]? {
        var offsets: [UInt32] = []
        var position = 0
        for fragment in fragments {
            guard fragment.count <= 0xFFFF_FFFE, let offset = UInt32(exactly: position) else { return nil }
            offsets.append(offset)
            position += 8 + fragment.count
        }
        var output: [UInt8] = []
        output.reserveCapacity(position + 32 + 4 * offsets.count)
        DataSetWriter.appendTag(.pixelData, to: &output)
        output += Array("OB".utf8) + [0, 0]
        DataSetWriter.appendUInt32(0xFFFF_FFFF, to: &output)
        DataSetWriter.appendTag(.item, to: &output)
        DataSetWriter.appendUInt32(UInt32(4 * offsets.count), to: &output)
        for offset in offsets { DataSetWriter.appendUInt32(offset, to: &output) }
        for fragment in fragments {
            DataSetWriter.appendTag(.item, to: &output)
            DataSetWriter.appendUInt32(UInt32(fragment.count), to: &output)
            output += fragment
        }
        DataSetWriter.appendTag(.sequenceDelimitation, to: &output)
        DataSetWriter.appendUInt32(0, to: &output)
        return output
    }
}
