import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Header facts of every readable corpus file against the manifest: transfer syntax, pixel module,
/// rescale, windows, LUT sequences, padding.
@Suite struct SampleHeaderTests {
    static let readable = SampleCorpus.fileNames().filter { $0 != "mr_missing_rows.dcm" }

    @Test("Header facts match the manifest", arguments: readable)
    func headerFacts(name: String) throws {
        let entry = try SampleCorpus.entry(name)
        let file = try DICOMFile.read(path: SampleCorpus.path(name))
        #expect(file.hasPreamble == (entry["has_128_byte_preamble_and_DICM"] as? Bool))
        let syntax = (entry["transfer_syntax_uid"] as? String) ?? (entry["inferred_transfer_syntax_uid"] as? String)
        #expect(file.transferSyntax.uid == syntax)
        #expect(file.dataSet.string(.sopClassUID) == entry["sop_class_uid"] as? String)
        #expect(file.dataSet.string(.modality) == entry["modality"] as? String)
        let image = try DICOMImage(file: file)
        #expect(image.pixel.rows == entry["rows"] as? Int)
        #expect(image.pixel.columns == entry["columns"] as? Int)
        #expect(image.pixel.bitsAllocated == entry["bits_allocated"] as? Int)
        #expect(image.pixel.bitsStored == entry["bits_stored"] as? Int)
        #expect(image.pixel.highBit == entry["high_bit"] as? Int)
        #expect(image.pixel.pixelRepresentation == entry["pixel_representation"] as? Int)
        #expect(
            image.pixel.photometricInterpretation == (entry["photometric_interpretation"] as? String ?? "MONOCHROME2"))
        #expect(image.pixel.numberOfFrames == (entry["number_of_frames"] as? Int ?? 1))

        let display = image.display(frame: 0)
        let centers = (entry["window_centers"] as? [Double]) ?? []
        let widths = (entry["window_widths"] as? [Double]) ?? []
        if !centers.isEmpty {
            #expect(display.windows.map(\.center) == centers)
            #expect(display.windows.map(\.width) == widths)
        }
        if let function = entry["voi_lut_function"] as? String {
            #expect(display.windows.first?.function.rawValue == function)
        }
        #expect(
            display.hasVOILUTSequence == (entry["has_voi_lut_sequence"] as? Bool ?? false)
                || name.contains("jpeg_baseline_gray8"))
        if let slope = entry["rescale_slope"] as? Double, let intercept = entry["rescale_intercept"] as? Double {
            #expect(display.rescaleSlope == slope)
            #expect(display.rescaleIntercept == intercept)
        }
        if let padding = entry["pixel_padding_value"] as? Int {
            #expect(display.paddingRange?.contains(padding) == true)
        }
        #expect(display.invert == (image.pixel.photometricInterpretation == "MONOCHROME1"))
    }

    @Test("Enhanced CT takes rescale and window from the shared functional groups")
    func enhancedFunctionalGroups() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ct_enhanced_2frame_evrle.dcm"))
        let display = image.display(frame: 1)
        #expect(display.modality == .rescale(slope: 1, intercept: -1024))
        #expect(display.windows.first?.center == 49)
        #expect(display.windows.first?.width == 102)
    }

    @Test("Leading zeros and two window pairs are both read")
    func twoWindows() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ct_philips_12bit_two_windows.dcm"))
        let display = image.display()
        #expect(display.windows.map(\.center) == [500, 500])
        #expect(display.windows.map(\.width) == [1000, 1000])
    }

    @Test("Empty Type 2 attributes and LUT items read as absent")
    func emptyAttributes() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ot_jpeg_baseline_gray8.dcm"))
        let display = image.display()
        #expect(display.windows.isEmpty)
        #expect(display.voiLUTs.isEmpty)
        #expect(display.modality == .identity)
        #expect(!display.hasModalityLUTSequence)
    }

    @Test("Modality LUT Sequence with a negative first mapped value")
    func modalityLUTSequence() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ot_modality_lut_seq_mlut18.dcm"))
        guard case .lookupTable(let lut) = image.display().modality else {
            Issue.record("expected a Modality LUT")
            return
        }
        #expect(lut.firstMappedValue == -2048)
        #expect(lut.entries.count == 4096)
        #expect(lut.bitsPerEntry == 16)
    }

    @Test("VOI LUT Sequence descriptor")
    func voiLUTSequence() throws {
        let image = try DICOMImage(path: SampleCorpus.path("ot_voi_lut_seq_vlut04.dcm"))
        let luts = image.display().voiLUTs
        #expect(luts.count == 1)
        #expect(luts.first?.entries.count == 256)
        #expect(luts.first?.bitsPerEntry == 16)
    }

    @Test("The mammogram's three SIGMOID windows and three VOI LUTs, not the icon's pixels")
    func mammogram() throws {
        let image = try DICOMImage(path: SampleCorpus.path("mg_ge_sigmoid_3windows_jpegll.dcm"))
        let display = image.display()
        #expect(display.windows.count == 3)
        #expect(display.windows.allSatisfy { $0.function == .sigmoid })
        #expect(display.windows.compactMap(\.explanation) == ["NORMAL", "HARDER", "SOFTER"])
        #expect(display.voiLUTs.map(\.firstMappedValue) == [625, 1023, 203])
        #expect(image.dataSet[.pixelData]?.fragments?.isEmpty == false)
        #expect(image.dataSet.sequence(.iconImageSequence)?.first?[.pixelData] != nil)
    }
}
