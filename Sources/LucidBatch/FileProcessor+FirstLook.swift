import LucidDICOM
import LucidDose
import LucidImaging

extension FileProcessor {
    /// The first look at one decoded grayscale frame (from 1), before the recipe: its pixel flags
    /// (`FirstLook`) merged into the file's. `checksSaturation` is false where the top of the range
    /// says nothing of the detector (`FirstLook.checksSaturation`; a 16-bit PNG, whose Bits Stored
    /// is taken from its own largest sample).
    func look(at gray: GrayFrame, frame: Int, checksSaturation: Bool, outcome: inout FileOutcome) {
        look(
            at: FrameLook(samples: gray.image, encoding: gray.encoding, padding: gray.display.paddingRange),
            frame: frame, checksSaturation: checksSaturation && gray.quantisation == nil, outcome: &outcome)
    }

    /// Merges the flags of frame `frame`'s statistics into the file's.
    func look(at frameLook: FrameLook, frame: Int, checksSaturation: Bool, outcome: inout FileOutcome) {
        FirstLook.merge(
            FirstLook.flags(frameLook, frame: frame, checksSaturation: checksSaturation), into: &outcome.flags)
    }

    /// Whether the top of `image`'s stored range means saturation (`FirstLook.checksSaturation`).
    static func checksSaturation(_ image: DICOMImage) -> Bool {
        FirstLook.checksSaturation(modality: image.dataSet.string(.modality), quantised: false)
    }

    /// The file's flags, once its frames are looked at: `pixelFlags` (the frames' flags, merged)
    /// followed by the flags read from the whole file. This is where every flag of a DICOM file is
    /// gathered, before its outcome is reported and its index row written: the header's dose flags
    /// (`LucidDose`: `deviation-index`, `drl`, `dose-check`) are appended here.
    func firstLookFlags(image: DICOMImage, pixelFlags: [Flag]) -> [Flag] {
        pixelFlags + DoseFacts(dataSet: image.dataSet).flags(referenceLevels: settings.referenceLevels)
    }
}
