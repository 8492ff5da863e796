import Foundation

/// Copies of real sample files with stored values changed in their native little-endian 16-bit
/// Pixel Data (found by `DICOMLengthFields`, outside Lucid's reader): for the first look's tests, a
/// share of pixels at the largest stored value or a uniform frame.
public enum ModifiedSample {
    public enum Failure: Error { case unreadable(String), noPixelData(String), notWritten(String) }

    /// Writes to `destination` a copy of `source` (a path) with `change(set)` applied, where
    /// `set(x, y, frame, value)` writes one stored value (two's complement when negative) of a frame
    /// `columns` x `rows` (frame from 0). Returns `destination`.
    @discardableResult
    public static func write(
        _ source: String, to destination: String, columns: Int, rows: Int,
        _ change: (_ set: (Int, Int, Int, Int) -> Void) -> Void
    ) throws -> String {
        guard let data = FileManager.default.contents(atPath: source) else { throw Failure.unreadable(source) }
        var bytes = [UInt8](data)
        guard let start = DICOMLengthFields.find(in: bytes).pixelDataValue else { throw Failure.noPixelData(source) }
        change { x, y, frame, value in
            let offset = start + 2 * ((frame * rows + y) * columns + x)
            bytes[offset] = UInt8(truncatingIfNeeded: value)
            bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        }
        guard FileManager.default.createFile(atPath: destination, contents: Data(bytes)) else {
            throw Failure.notWritten(destination)
        }
        return destination
    }

    /// `set` applied to the square of `side` pixels whose top-left corner is (`x`, `y`), frame 0.
    public static func square(_ x: Int, _ y: Int, side: Int, value: Int) -> ((Int, Int, Int, Int) -> Void) -> Void {
        { set in for row in y..<(y + side) { for column in x..<(x + side) { set(column, row, 0, value) } } }
    }
}
