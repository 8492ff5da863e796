/// Builds the interleaved full-size samples of a DCT frame from its component planes.
///
/// T.81 leaves upsampling to the application (A.1.1). To give the samples DICOM toolkits give,
/// this follows libjpeg's default ("fancy") upsampling: a component at half the horizontal
/// and/or vertical resolution is interpolated with the triangle filter weights 3/4 and 1/4
/// (libjpeg's h2v1, h1v2 and h2v2 methods, with their rounding and edge rules); every other
/// integral ratio replicates samples.
enum JPEGUpsampler {
    static func interleave(_ planes: JPEGComponentPlanes, frame: JPEGDCTFrameHeader) -> [UInt16] {
        let width = frame.width, height = frame.height
        let count = frame.components.count
        if count == 1 {
            // A single component is never subsampled relative to itself: crop its plane.
            let stride = planes.strides[0]
            if stride == width { return Array(planes.samples[0..<(width * height)]) }
            var output: [UInt16] = []
            output.reserveCapacity(width * height)
            for y in 0..<height { output.append(contentsOf: planes.samples[(y * stride)..<(y * stride + width)]) }
            return output
        }
        var output = [UInt16](repeating: 0, count: width * height * count)
        for (index, component) in frame.components.enumerated() {
            let componentWidth = frame.width(of: component)
            let plane = Plane(
                samples: planes.samples, offset: planes.offsets[index], stride: planes.strides[index],
                height: frame.height(of: component), width: componentWidth)
            let horizontalFactor = frame.maximumHorizontalSampling / component.horizontalSampling
            let verticalFactor = frame.maximumVerticalSampling / component.verticalSampling
            var row = [Int](repeating: 0, count: 2 * max(componentWidth, 2))
            for y in 0..<height {
                var target = y * width * count + index
                switch (horizontalFactor, verticalFactor) {
                case (2, 1), (2, 2):
                    plane.fancyRow(y: y, vertical: verticalFactor == 2, into: &row)
                    for x in 0..<width {
                        output[target] = UInt16(truncatingIfNeeded: row[x])
                        target += count
                    }
                case (1, 2):
                    let near = y / 2, far = y % 2 == 0 ? plane.rowAbove(near) : plane.rowBelow(near)
                    let bias = 1 + y % 2
                    for x in 0..<width {
                        output[target] = UInt16(truncatingIfNeeded: (3 * plane[x, near] + plane[x, far] + bias) >> 2)
                        target += count
                    }
                default:
                    let source = y / verticalFactor
                    for x in 0..<width {
                        output[target] = UInt16(truncatingIfNeeded: plane[x / horizontalFactor, source])
                        target += count
                    }
                }
            }
        }
        return output
    }

    /// One component's decoded samples, with its real (not block-padded) size.
    private struct Plane {
        let samples: [UInt16]
        let offset: Int
        let stride: Int
        let height: Int
        let width: Int

        subscript(x: Int, y: Int) -> Int { Int(samples[offset + y * stride + x]) }

        /// libjpeg's context rows: the first row stands in for the one above it, the last real
        /// row for the ones below it.
        func rowAbove(_ y: Int) -> Int { max(y - 1, 0) }
        func rowBelow(_ y: Int) -> Int { min(y + 1, height - 1) }

        /// Output row `y` of a component at half the horizontal resolution (and at half the
        /// vertical one when `vertical`), `2 × max(width, 2)` samples: libjpeg's
        /// h2v1_fancy_upsample and h2v2_fancy_upsample. Like libjpeg, a 1-sample-wide row reads
        /// the plane's padding column.
        func fancyRow(y: Int, vertical: Bool, into row: inout [Int]) {
            let near = vertical ? y / 2 : y
            let far = vertical ? (y % 2 == 0 ? rowAbove(near) : rowBelow(near)) : y
            // Column sums: 3 × nearer row + further row (the vertical filter), or 4 × the row.
            func sum(_ x: Int) -> Int { vertical ? 3 * self[x, near] + self[x, far] : 4 * self[x, near] }
            let last = max(width - 1, 1)
            // Horizontal filter on the sums; both passes' rounding folded as in libjpeg: (… + 8) >> 4
            // for the left output of a pair and (… + 7) >> 4 for the right one, or + 1 / + 2 on
            // the 4× sums of h2v1 (equivalent after the shift by 4).
            let leftBias = vertical ? 8 : 4, rightBias = vertical ? 7 : 8
            var previous = sum(0), current = sum(0), next = sum(1)
            row[0] = (current * 4 + leftBias) >> 4
            row[1] = (current * 3 + next + rightBias) >> 4
            for x in 1..<(last + 1) {
                previous = current
                current = next
                next = x < last ? sum(x + 1) : current
                row[2 * x] = (current * 3 + previous + leftBias) >> 4
                row[2 * x + 1] = x < last ? (current * 3 + next + rightBias) >> 4 : (current * 4 + rightBias) >> 4
            }
        }
    }
}
