/// Index arithmetic for OpenCV's default border, `BORDER_REFLECT_101` (`gfedcb|abcdefgh|gfedcba`):
/// the edge sample is not repeated.
enum ReflectBorder {
    /// The in-range index that `index` reflects to for a line of `count` samples (`count >= 1`). Indices
    /// far outside (beyond one reflection, possible when the kernel is wider than the image) reflect
    /// repeatedly, as OpenCV's `borderInterpolate` does; a line of one sample always maps to 0.
    static func index(_ index: Int, count: Int) -> Int {
        guard count > 1 else { return 0 }
        var position = index
        while position < 0 || position >= count {
            position = position < 0 ? -position : 2 * count - 2 - position
        }
        return position
    }
}
