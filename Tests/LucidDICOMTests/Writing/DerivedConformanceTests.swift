import Foundation
import LucidImaging
import LucidTestSupport
import Testing

@testable import LucidDICOM

/// What a derived image carries so that it is conformant where its source was: valid dates and
/// times only, Laterality by the rule of PS3.3 C.7.3.1, VOI LUT entries of 8 or 16 bits, the whole
/// derivation description, and lossless compression when the source was compressed.
@Suite struct DerivedConformanceTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(
        "Dates: valid or legacy YYYY.MM.DD kept as YYYYMMDD, anything else refused",
        arguments: [
            ("20240229", "20240229"), ("1993.02.24", "19930224"), ("", ""), ("20240101 ", "20240101"),
            ("20230229", nil), ("0095.07.24", nil), ("00000000", nil), ("20241301", nil), ("20240431", nil),
            ("2024010", nil), ("2024-01-01", nil), ("09991231", nil),
        ] as [(String, String?)])
    func dates(raw: String, expected: String?) {
        #expect(DerivedText.validDate(Self.bytes(raw)) == expected.map(Self.bytes))
    }

    @Test(
        "Times: HH, HHMM, HHMMSS(.F{1,6}) or legacy HH:MM:SS, anything else refused",
        arguments: [
            ("101435", "101435"), ("10:14:35", "101435"), ("101435.123456", "101435.123456"), ("1014", "1014"),
            ("23", "23"), ("235960", "235960"), ("", ""), ("246000", nil), ("106000", nil), ("101435.1234567", nil),
            ("10143", nil), ("10:14", nil), ("1014.5", nil), ("ab", nil),
        ] as [(String, String?)])
    func times(raw: String, expected: String?) {
        #expect(DerivedText.validTime(Self.bytes(raw)) == expected.map(Self.bytes))
    }

    @Test("Cutting at a boundary keeps whole steps and words and marks the cut")
    func boundary() {
        let steps = "median:3,clahe:2.0:8,unsharp:1.5:0.8,window:auto"
        #expect(DerivedText.truncatedAtBoundary(steps, toBytes: 64) == steps)
        #expect(DerivedText.truncatedAtBoundary("Lucid " + steps, toBytes: 40) == "Lucid median:3,clahe:2.0:8...")
        #expect(DerivedText.truncatedAtBoundary(String(repeating: "x", count: 80), toBytes: 10) == "xxxxxxx...")
    }

    @Test("An invalid source date is not rewritten into another invalid date; a legacy one is converted")
    func invalidDates() throws {
        let fuji = try DerivedSamples.derive("ct_fuji_8bit_ivrle.dcm")
        #expect(fuji.source.dataSet.string(.studyDate) == "0095.07.24")
        let back = try DICOMFile(bytes: fuji.bytes, source: "derived").dataSet
        #expect(back[.studyDate] != nil, "Study Date is Type 2: present")
        #expect(back.string(.studyDate) == nil, "and empty, not 00950724")
    }

    @Test(
        "Laterality follows PS3.3 C.7.3.1: copied, moved to Image Laterality, empty when unknown, absent when unpaired",
        arguments: [
            ("mg_ge_sigmoid_3windows_jpegll.dcm", nil, "R"),
            ("ct_enhanced_2frame_evrle.dcm", nil, "U"),
            ("cr_agfa_mono1_tiny_float_rescale.dcm", nil, nil),
            ("ot_deflated_8bit.dcm", "", nil),
        ] as [(String, String?, String?)])
    func laterality(name: String, laterality: String?, imageLaterality: String?) throws {
        let back = try DICOMFile(bytes: try DerivedSamples.derive(name).bytes, source: "derived").dataSet
        #expect(back[.laterality].map { _ in back.string(.laterality) ?? "" } == laterality, "\(name)")
        #expect(back.string(.imageLaterality) == imageLaterality, "\(name)")
    }

    @Test("A 12-bit VOI LUT becomes 16 bits per entry, each scaled to keep its place in the output range")
    func voiLUTEntries() throws {
        let mammogram = try DerivedSamples.derive("mg_ge_sigmoid_3windows_jpegll.dcm")
        let source = try #require(mammogram.source.dataSet.sequence(.voiLUTSequence)?.first)
        let back = try DICOMFile(bytes: mammogram.bytes, source: "derived").dataSet
        let derived = try #require(back.sequence(.voiLUTSequence)?.first)
        let sourceDescriptor = source.uint16Words(.lutDescriptor)
        #expect(sourceDescriptor.count == 3 && sourceDescriptor[2] == 12)
        #expect(derived.uint16Words(.lutDescriptor) == [sourceDescriptor[0], sourceDescriptor[1], 16])
        let sourceEntries = source.uint16Words(.lutData), derivedEntries = derived.uint16Words(.lutData)
        #expect(derivedEntries.count == sourceEntries.count && !sourceEntries.isEmpty)
        for (original, scaled) in zip(sourceEntries, derivedEntries) {
            #expect(Int(scaled) == (Int(original) * 65535 + 2047) / 4095)
        }
    }

    @Test("The whole description is kept: cut at a step in Derivation Description, whole in Image Comments")
    func longDescription() throws {
        let steps = (1...120).map { "step\($0):\($0 % 7)" }.joined(separator: ",")
        var derived = try DerivedSamples.derive("mr_small_evrle.dcm").derived
        derived = DerivedImage(
            source: derived.source, processed: derived.processed, encoding: derived.encoding, recipe: "steps " + steps,
            window: derived.window, softwareVersion: "0.1.0")
        let back = try DICOMFile(bytes: try derived.encode(), source: "derived").dataSet
        let description = try #require(back.string(.derivationDescription))
        #expect(description.utf8.count <= 1024)
        let marker = " ... (continued in Image Comments)"
        #expect(description.hasSuffix(marker))
        let kept = description.dropLast(marker.count)
        #expect(("steps " + steps).hasPrefix(kept) && ("steps " + steps).dropFirst(kept.count).hasPrefix(","))
        #expect(back.string(.imageComments) == "steps " + steps)
        let series = try #require(back.string(.seriesDescription))
        #expect(series.utf8.count <= 64 && series.hasSuffix("..."))
        #expect(("Lucid steps " + steps).dropFirst(series.count - 3).hasPrefix(","))
    }

    @Test("A source without Study Instance UID gets the one given for it, or a new valid one (Type 1)")
    func absentStudy() throws {
        let sample = try DerivedSamples.derive("ot_jpeg_baseline_gray8.dcm")
        #expect(sample.source.dataSet.string(.studyInstanceUID) == nil)
        let generated = try DICOMFile(bytes: sample.bytes, source: "derived").dataSet.string(.studyInstanceUID)
        #expect(generated.map { DICOMUID.problem($0) == nil } == true, "\(generated ?? "none")")
        var derived = sample.derived
        derived.studyInstanceUIDWhenAbsent = "2.25.1234"
        let given = try DICOMFile(bytes: try derived.encode(), source: "derived").dataSet
        #expect(given.string(.studyInstanceUID) == "2.25.1234")
        let kept = try DerivedSamples.derive("mr_small_evrle.dcm")
        var withStudy = kept.derived
        withStudy.studyInstanceUIDWhenAbsent = "2.25.1234"
        let back = try DICOMFile(bytes: try withStudy.encode(), source: "derived").dataSet
        #expect(back.string(.studyInstanceUID) == kept.source.dataSet.string(.studyInstanceUID))
    }
}
