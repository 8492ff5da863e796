import Testing

@testable import LucidImaging

@Suite("Image views and the operation protocol")
struct ImageViewTests {
    @Test("a cropped view reads and writes the rectangle it names, rows `stride` apart")
    func croppedViews() {
        var image = GrayImage<UInt16>(width: 7, height: 5, pixels: (0..<35).map { UInt16($0) })
        image.withView { view in
            #expect(view.width == 7 && view.height == 5 && view.stride == 7 && view.components == 1)
            let inner = view.cropped(x: 2, y: 1, width: 3, height: 2)
            #expect(inner.stride == 7 && inner.rowLength == 3)
            #expect(inner[0, 0] == 9 && inner[2, 1] == 18)
            #expect(Array(inner.row(1)) == [16, 17, 18])
            #expect(Array(inner.cropped(x: 1, y: 1, width: 2, height: 1).row(0)) == [17, 18])
        }
        image.withMutableView { view in
            let inner = view.cropped(x: 4, y: 3, width: 3, height: 2)
            inner[0, 0] = 1000
            inner.updateRow(1, from: [1, 2, 3])
            #expect(inner.readOnly[2, 1] == 3)
        }
        #expect(image[4, 3] == 1000)
        #expect(Array(image.pixels[32..<35]) == [1, 2, 3])
        #expect(image[3, 3] == 24, "samples outside the rectangle are untouched")
    }

    @Test("colour views interleave three samples per pixel")
    func colourViews() {
        var image = ColorImage<UInt8>(width: 3, height: 2, samples: (0..<18).map { UInt8($0) })
        image.withView { view in
            #expect(view.components == 3 && view.stride == 9 && view.rowLength == 9)
            #expect(view[1, 1, component: 2] == 14)
            let right = view.cropped(x: 2, y: 0, width: 1, height: 2)
            #expect(Array(right.row(1)) == [15, 16, 17])
        }
        image.withMutableView { view in view[0, 1, component: 1] = 200 }
        #expect(image[0, 1].green == 200)
    }

    @Test("copy and the output initialiser fill every sample")
    func copyAndInitialiser() {
        let source = GrayImage<UInt16>.random(width: 9, height: 4, maximumSample: 4095, seed: 3)
        let copied = GrayImage<UInt16>(width: 9, height: 4) { destination in
            source.withView { destination.copy(from: $0) }
        }
        #expect(copied == source)
        let halved = source.filtered(to: UInt8.self) { input, output in
            for y in 0..<input.height {
                output.updateRow(y, from: input.row(y).map { UInt8($0 >> 4) })
            }
        }
        #expect(halved.pixels == source.pixels.map { UInt8($0 >> 4) })
    }

    @Test("histogram equalisation on strided views equals the whole-image result, constant images copied")
    func equalisationOnViews() throws {
        let equalise = try HistogramEqualization(bitsStored: 12)
        for image in [
            GrayImage<UInt16>.random(width: 33, height: 17, maximumSample: 4095, seed: 8),
            GrayImage<UInt16>(width: 5, height: 3, repeating: 77),
        ] {
            let strided = DenoisingTestSupport.applyStrided(image, sourcePadding: 5, destinationPadding: 3, threads: 3)
            {
                source, destination in
                equalise.apply(source, into: destination, threads: 3)
            }
            #expect(strided.image == equalise.apply(image, threads: 1))
            #expect(strided.paddingIntact)
        }
    }

    @Test("every kernel reports its name and settings")
    func reportedParameters() throws {
        let filters: [(any ImageFilter, String, [OperationParameter])] = [
            (try MedianFilter(size: 5, bitsStored: 12), "median", [OperationParameter("kernel", 5)]),
            (try GaussianBlur(sigma: 1.5), "gaussian", [OperationParameter("sigma", 1.5)]),
            (
                try UnsharpMask(sigma: 2, amount: 0.5), "unsharp",
                [OperationParameter("sigma", 2.0), OperationParameter("amount", 0.5)]
            ),
            (
                try BilateralFilter(diameter: 5, sigmaSpace: 2, sigmaColor: 100), "bilateral",
                [
                    OperationParameter("diameter", 5), OperationParameter("sigma_space", 2.0),
                    OperationParameter("sigma_color", 100.0),
                ]
            ),
            (
                try NonLocalMeans(h: 30), "nlm",
                [OperationParameter("h", 30.0), OperationParameter("template", 7), OperationParameter("search", 21)]
            ),
            (
                try CLAHE(clipLimit: 3, tilesX: 4, tilesY: 6, bitsStored: 12), "clahe",
                [OperationParameter("clip", 3.0), OperationParameter("tiles", "4x6")]
            ),
            (try HistogramEqualization(bitsStored: 12), "histeq", []),
        ]
        let image = GrayImage<UInt16>.random(width: 12, height: 9, maximumSample: 4095, seed: 5)
        for (filter, name, parameters) in filters {
            #expect(filter.name == name)
            #expect(filter.parameters == parameters, "\(name)")
            #expect(filter.apply(image, threads: 2).width == 12, "\(name)")
        }
        let window = try WindowingOperation(
            pipeline: DisplayPipeline(
                encoding: StoredValueEncoding(bitsStored: 12, isSigned: false), modality: .identity,
                voi: .window(Window(center: 1000, width: 500)), invert: false))
        #expect(window.name == "window")
        #expect(
            window.parameters == [
                OperationParameter("center", 1000.0), OperationParameter("width", 500.0),
                OperationParameter("function", "LINEAR"),
            ])
        #expect(window.apply(image, threads: 2) == (try Windowing.apply(image, pipeline: window.pipeline)))
    }
}
