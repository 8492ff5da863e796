extension DerivedDataSetBuilder {
    /// Laterality (0020,0060) of the General Series module, Type 2C: required when the body part
    /// examined is a paired structure and neither Image Laterality (0020,0062) nor Frame Laterality
    /// is present (PS3.3 C.7.3.1); and Image Laterality (0020,0062) of the General Image module
    /// (C.7.6.1, Type 3 there).
    ///
    /// In order: the source's Laterality when it has a value; else the source's Image Laterality,
    /// or the Frame Laterality (0020,9072) of the frame's Frame Anatomy Sequence (0020,9071) in an
    /// enhanced source (C.7.6.16.2.8), written as Image Laterality; else Laterality is left out when
    /// Body Part Examined names an unpaired structure, where it must not appear, and written empty
    /// (laterality unknown) otherwise.
    mutating func setLaterality() throws(DICOMWriteError) {
        if source.hasValue(.laterality) {
            try copy(.laterality, .CS, type: 3)
            if output[.laterality] != nil { return }
        }
        if let side = imageLaterality() {
            output.set(.imageLaterality, .CS, side)
            return
        }
        let bodyPart = (source.string(.bodyPartExamined) ?? "").uppercased()
        if !Self.unpairedBodyParts.contains(bodyPart) {
            output.set(.laterality, .CS, .strings([]))
        }
    }

    /// R, L, U or B from the source's Image Laterality or the frame's Frame Laterality; nil when
    /// neither holds one of those values.
    private func imageLaterality() -> String? {
        let values: Set<String> = ["R", "L", "U", "B"]
        if let side = source.string(.imageLaterality)?.uppercased(), values.contains(side) { return side }
        let frameAnatomy = DICOMTag(0x0020, 0x9071), frameLaterality = DICOMTag(0x0020, 0x9072)
        let groups = [
            source.sequence(.perFrameFunctionalGroupsSequence).flatMap { items in
                items.indices.contains(image.frameIndex) ? items[image.frameIndex] : nil
            },
            source.sequence(.sharedFunctionalGroupsSequence)?.first,
        ]
        for group in groups.compactMap({ $0 }) {
            if let side = group.sequence(frameAnatomy)?.first?.string(frameLaterality)?.uppercased(),
                values.contains(side)
            {
                return side
            }
        }
        return nil
    }

    /// Body Part Examined (0018,0015) defined terms of unpaired structures (PS3.16 CID 4031 and
    /// Annex L, Table L-1): for these Laterality must be absent. Any other value, a paired structure
    /// or a term Lucid does not know (`WHOLE BODY`, a local language), leaves laterality unknown, so
    /// Laterality is written empty.
    static let unpairedBodyParts: Set<String> = [
        "ABDOMEN", "ABDOMENPELVIS", "AORTA", "APPENDIX", "BILEDUCT", "BLADDER", "BRAIN", "CERVIX", "CHEST",
        "CHESTABDOMEN", "CHESTABDPELVIS", "COCCYX", "COLON", "CSPINE", "CTSPINE", "DUODENUM", "ESOPHAGUS", "FACE",
        "GALLBLADDER", "HEAD", "HEADNECK", "HEART", "JAW", "LARYNX", "LIVER", "LSPINE", "LSSPINE", "MEDIASTINUM",
        "MOUTH", "NECK", "NECKCHEST", "NECKCHESTABDOMEN", "NECKCHESTABDPELV", "NOSE", "PANCREAS", "PELVIS", "PENIS",
        "PROSTATE", "RECTUM", "SACRUM", "SELLA", "SKULL", "SPINE", "SPLEEN", "SSPINE", "STERNUM", "STOMACH",
        "THYROID", "TLSPINE", "TRACHEA", "TSPINE", "UTERUS", "VAGINA", "WHOLEBODY",
    ]
}
