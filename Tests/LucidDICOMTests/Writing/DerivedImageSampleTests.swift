import Foundation
import LucidDICOM
import LucidImaging
import LucidTestSupport
import Testing

/// Every corpus file Lucid decodes, derived and read back with Lucid's reader: pixels, identity,
/// derivation record, window, and the file's byte structure.
@Suite struct DerivedImageSampleTests {
    @Test("The corpus has files to derive") func corpus() throws {
        _ = try SampleCorpus.manifestEntries()
        #expect(DerivedSamples.decodable.count >= 20)
    }

    @Test("Derived image reads back with the processed pixels", arguments: DerivedSamples.decodable)
    func pixels(name: String) throws {
        let result = try DerivedSamples.derive(name)
        let back = try DICOMImage(file: DICOMFile(bytes: result.bytes, source: name + " derived"))
        #expect(back.file.transferSyntax.uid == "1.2.840.10008.1.2.1")
        #expect(back.pixel.numberOfFrames == 1)
        #expect(back.pixel.encoding == result.source.pixel.encoding)
        #expect(back.pixel.photometricInterpretation == result.source.pixel.photometricInterpretation)
        #expect(try back.frame(0) == result.processed)
    }

    @Test("Derived image header: identity, derivation, reference, window", arguments: DerivedSamples.decodable)
    func header(name: String) throws {
        let result = try DerivedSamples.derive(name)
        let source = result.source.dataSet
        let file = try DICOMFile(bytes: result.bytes, source: name + " derived")
        let back = file.dataSet
        let sopClass = try #require(back.string(.sopClassUID))
        #expect(file.fileMeta?.string(.mediaStorageSOPClassUID) == sopClass)
        #expect(file.fileMeta?.string(.mediaStorageSOPInstanceUID) == back.string(.sopInstanceUID))
        #expect(file.fileMeta?.string(.implementationClassUID) == DICOMUID.lucidImplementationClassUID)
        #expect(file.fileMeta?.string(.implementationVersionName) == "LUCID_0.1.0")
        #expect(back.string(.sopInstanceUID) != source.string(.sopInstanceUID))
        #expect(back.string(.seriesInstanceUID) != source.string(.seriesInstanceUID))
        if let study = source.string(.studyInstanceUID) {
            #expect(back.string(.studyInstanceUID) == study)
        } else {
            #expect(back.string(.studyInstanceUID).map { DICOMUID.problem($0) == nil } == true, "Type 1")
        }
        #expect(back.string(.patientID) == source.string(.patientID))
        #expect(back.string(.patientName) == source.string(.patientName))
        #expect(back.integer(.seriesNumber) == (source.integer(.seriesNumber) ?? 0) + 1000)
        #expect(back.integer(.instanceNumber) == source.integer(.instanceNumber))
        #expect(Array(back.strings(.imageType).prefix(2)) == ["DERIVED", "SECONDARY"])
        #expect(back.string(.derivationDescription) == DerivedSamples.recipe)
        #expect(back.string(.seriesDescription) == "Lucid " + DerivedSamples.recipe)
        #expect(back.string(.contentDate) == "20250615")
        #expect(back.string(.contentTime) == "150640")
        if let reference = back.sequence(.sourceImageSequence)?.first {
            #expect(reference.string(.referencedSOPClassUID) == source.string(.sopClassUID))
            #expect(reference.string(.referencedSOPInstanceUID) == source.string(.sopInstanceUID))
            let purpose = reference.sequence(.purposeOfReferenceCodeSequence)?.first
            #expect(purpose?.string(.codeValue) == "121322")
        } else {
            let uid = source.string(.sopInstanceUID) ?? ""
            #expect(!DICOMUID.isValid(uid), "\(name): the source has a valid SOP Instance UID to reference")
        }
        let backDisplay = DisplayAttributes(dataSet: back, pixel: try ImagePixelDescription(dataSet: back, file: name))
        if let window = result.window {
            #expect(backDisplay.windows.first?.center == window.center)
            #expect(backDisplay.windows.first?.width == window.width)
            #expect(backDisplay.windows.first?.function == window.function)
        } else {
            #expect(backDisplay.hasVOILUTSequence)
        }
        let sourceDisplay = result.source.display()
        #expect(backDisplay.modality == sourceDisplay.modality, "\(name): same Modality LUT")
        #expect(backDisplay.paddingRange == sourceDisplay.paddingRange)
    }

    @Test("File Meta group length is exact and tags ascend at every level", arguments: DerivedSamples.decodable)
    func structure(name: String) throws {
        let structure = try Part10Structure(try DerivedSamples.derive(name).bytes)
        #expect(structure.declaredMetaLength == structure.actualMetaLength)
        #expect(structure.orderViolations.isEmpty, "\(structure.orderViolations)")
        #expect(structure.oddLengths.isEmpty)
        #expect(
            structure.topLevelTags.prefix(7) == [
                0x0002_0000, 0x0002_0001, 0x0002_0002, 0x0002_0003, 0x0002_0010, 0x0002_0012, 0x0002_0013,
            ])
    }
}
