import LucidDICOM

/// The rule of the Clean Descriptors Option (PS3.15 E.3.5, CID 7050 code 113105) for free text:
/// a description is kept only when every word of it is known not to identify anyone, else the
/// attribute gets the Basic Profile's action (removed, emptied or given a dummy value by its Type).
///
/// Words are the runs of letters and digits, compared in upper case. A word passes when it is a
/// number (`3`, `0`, `625` in `0.625`), a word of `words` (anatomy, views, sides, modalities,
/// techniques, sequences, units, contrast phases), a number with a unit of `units` or a `D`
/// (`5MM`, `120KV`, `3D`), or a spine level or MR weighting (`C5`, `T12`, `L4`, `S1`, `T1`, `T2`).
/// A word that is a part of a person's name, the Patient ID or the Accession Number of the same
/// data set never passes, even when the vocabulary lists it (a patient named HEAD).
enum DescriptorVocabulary {
    /// Whether every value of `values` passes; `identifying` holds the data set's names and IDs in
    /// upper case (`identifyingWords(of:)`). Empty values pass.
    static func isClean(_ values: [String], identifying: Set<String>) -> Bool {
        values.allSatisfy { value in
            Self.words(in: value).allSatisfy { !identifying.contains($0) && passes($0) }
        }
    }

    /// The runs of letters and digits of `text`, upper-cased.
    static func words(in text: String) -> [String] {
        text.uppercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether one upper-case word passes on its own.
    static func passes(_ word: String) -> Bool {
        if word.allSatisfy(\.isASCIIDigit) || words.contains(word) { return true }
        let digits = word.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, units.contains(String(word.dropFirst(digits.count))) { return true }
        if let first = word.first, "CTLS".contains(first), word.count <= 3,
            word.dropFirst().allSatisfy(\.isASCIIDigit), word.count > 1
        {
            return true
        }
        return false
    }

    /// The words of every person name (PN) of the top level of `dataSet`, of its Patient ID, Other
    /// Patient IDs and Accession Number, upper-cased: a description naming them is never kept.
    static func identifyingWords(of dataSet: DataSet) -> Set<String> {
        var found: Set<String> = []
        let ids: Set<DICOMTag> = [DICOMTag(0x0010, 0x0020), DICOMTag(0x0010, 0x1000), .accessionNumber]
        for element in dataSet.elements where dataSet.displayVR(of: element) == .PN || ids.contains(element.tag) {
            guard case .text(let values) = dataSet.value(of: element) else { continue }
            for value in values { found.formUnion(words(in: value)) }
        }
        return found
    }

    /// Units after a number, and `D` (`3D`).
    static let units: Set<String> = [
        "D", "MM", "CM", "M", "KV", "KVP", "MA", "MAS", "MS", "S", "SEC", "MIN", "H", "HZ", "KHZ", "MHZ", "T", "MT",
        "G", "KG", "ML", "MGY", "GY", "MSV", "DEG", "X", "TH", "ST", "ND", "RD", "B", "BIT", "MBQ", "MCI",
    ]

    /// Words that name no one: anatomy, views and sides, modalities, techniques and sequences,
    /// contrast, reconstruction and phase words, units and connectives. Committed here, reviewed
    /// like code: a word joins only when it cannot be part of a name in the department's language.
    static let words: Set<String> = [
        // Anatomy
        "ABDOMEN", "ABD", "ABDO", "ANKLE", "AORTA", "AORTIC", "ARM", "ARTERY", "ARTERIES", "BLADDER", "BRAIN",
        "BREAST", "BREASTS", "CALCANEUS", "CAROTID", "CAROTIDS", "CERVICAL", "CHEST", "CLAVICLE", "COCCYX", "COLON",
        "CORONARY", "CRANIAL", "CSPINE", "ELBOW", "EXTREMITY", "FACIAL", "FEMUR", "FIBULA", "FINGER", "FINGERS",
        "FOOT", "FOREARM", "HEART", "HEPATIC", "HIP", "HIPS", "HUMERUS", "IAC", "KIDNEY", "KIDNEYS", "KNEE",
        "KNEES", "LIVER", "LOWER", "LSPINE", "LUMBAR", "LUNG", "LUNGS", "MANDIBLE", "MAXILLOFACIAL", "NECK",
        "ORBIT", "ORBITS", "PANCREAS", "PELVIS", "PELVIC", "PROSTATE", "PULMONARY", "RENAL", "RIB", "RIBS",
        "SACRUM", "SCAPULA", "SELLA", "SHOULDER", "SHOULDERS", "SINUS", "SINUSES", "SKULL", "SPINE", "SPLEEN",
        "STERNUM", "TEMPORAL", "THORACIC", "THORAX", "THYROID", "TIBIA", "TOE", "TOES", "TSPINE", "UPPER",
        "UTERUS", "VASCULAR", "VERTEBRAL", "WHOLE", "BODY", "WRIST", "CARDIAC", "CEREBRAL", "PITUITARY",
        "SKELETON", "SOFT", "TISSUE", "TISSUES", "INTERNAL", "AUDITORY", "CANAL", "CANALS", "JOINT", "JOINTS",
        "ANATOMY",
        // Views, planes, positions and sides
        "AP", "PA", "LAT", "LATERAL", "OBL", "OBLIQUE", "AXIAL", "AX", "COR", "CORONAL", "SAG", "SAGITTAL",
        "TRA", "TRANSVERSE", "DECUBITUS", "SUPINE", "PRONE", "ERECT", "STANDING", "UPRIGHT", "FRONTAL", "VIEW",
        "VIEWS", "CC", "MLO", "LEFT", "RIGHT", "LT", "RT", "L", "R", "BILATERAL", "BILAT", "BOTH", "INSPIRATION",
        "EXPIRATION", "PORTABLE", "MOBILE", "LORDOTIC", "SUNRISE", "SKYLINE", "MORTISE", "FLEXION", "EXTENSION",
        // Modalities and techniques
        "CT", "CTA", "MR", "MRI", "MRA", "MRV", "CR", "DX", "XR", "XRAY", "RAY", "X", "US", "ULTRASOUND", "NM",
        "PET", "SPECT", "MG", "MAMMO", "MAMMOGRAPHY", "TOMOSYNTHESIS", "XA", "RF", "FLUORO", "FLUOROSCOPY", "DSA",
        "ANGIO", "ANGIOGRAPHY", "ANGIOGRAM", "DOPPLER", "ECHO", "ECHOCARDIOGRAM", "RADIOGRAPH", "RADIOGRAPHY",
        "SCAN", "SCREENING", "DIAGNOSTIC", "STUDY", "EXAM", "EXAMINATION", "SERIES", "IMAGE", "IMAGES",
        "ROUTINE", "PROTOCOL", "STANDARD", "SURVIEW", "SCOUT", "TOPOGRAM", "LOCALIZER", "LOCALISER", "LOC",
        "SURVEY", "HELICAL", "SPIRAL", "SEQUENTIAL", "PERFUSION", "DIFFUSION", "DWI", "ADC", "DTI", "SWI",
        "FLAIR", "STIR", "TSE", "FSE", "SE", "GRE", "EPI", "MPRAGE", "SPGR", "FIESTA", "TRUFI", "VIBE", "DIXON",
        "FATSAT", "FS", "FAT", "SAT", "WATER", "PD", "TOF", "PC", "CINE", "BOLUS", "TRACKING", "TEST",
        "CALCIUM", "SCORE", "SCORING", "GATED", "ECG", "DUAL", "ENERGY", "SPECTRAL", "LOW", "DOSE", "HIGH",
        "RESOLUTION", "HR", "HRCT", "MIP", "MINIP", "MPR", "VR", "RECON", "RECONSTRUCTION", "REFORMAT",
        "REFORMATS", "THIN", "THICK", "SLICE", "SLICES", "BONE", "LUNGWINDOW", "WINDOW", "KERNEL", "SHARP",
        "SMOOTH", "DETAIL", "ITERATIVE", "FILTERED", "DERIVED", "PRIMARY", "SECONDARY", "ORIGINAL", "PROCESSED",
        "SUBTRACTION", "SUB", "MAP", "MAPS", "FUNCTIONAL", "WEIGHTED", "SINGLE", "MULTI", "PHASE", "FRAME",
        "FRAMES", "VOLUME", "VOL", "ISO", "ISOTROPIC", "FOV", "MATRIX", "ECHOES", "SHOT", "FAST", "TURBO",
        "SPIN", "GRADIENT", "INVERSION", "RECOVERY", "PREP", "BREATH", "HOLD", "FREE", "NAVIGATOR", "TRIGGERED",
        "QUAD", "CAPTURE", "TRANSESOPHAGEAL", "TRANSTHORACIC", "VASCULARITY", "MODE", "COLOR", "COLOUR", "POWER",
        // Contrast and phases
        "CONTRAST", "C", "IV", "ORAL", "WITH", "WITHOUT", "W", "WO", "O", "NON", "NC", "CE", "ENHANCED", "ARTERIAL",
        "PORTAL", "VENOUS", "DELAYED", "EARLY", "LATE", "PRE", "POST", "NATIVE", "PLAIN", "BASELINE", "GADOLINIUM",
        "GAD", "GD", "IODINE",
        // Connectives, conditions and others
        "AND", "OR", "OF", "THE", "IN", "ON", "TO", "FOR", "AT", "BY", "A", "NO", "NOT", "PER", "VS", "ONLY",
        "FOLLOW", "UP", "FU", "REVIEW", "TRAUMA", "STROKE", "ACUTE", "CHRONIC", "PAIN", "INJURY", "FRACTURE",
        "TUMOR", "TUMOUR", "MASS", "LESION", "NODULE", "INFECTION", "PNEUMONIA", "EMBOLISM", "PE", "HEADACHE",
        "SEIZURE", "STAGING", "RESTAGING", "BIOPSY", "GUIDED", "INTERVENTION", "DRAINAGE", "PHANTOM", "QA", "QC",
        "CALIBRATION", "RESEARCH", "TRIAL", "ADULT", "PEDIATRIC", "PAEDIATRIC", "CHILD", "INFANT", "NEONATAL",
        "SMALL", "LARGE", "MEDIUM", "FULL", "PARTIAL", "LIMITED", "COMPLETE", "EXTENDED", "ADDITIONAL", "EXTRA",
        "REPEAT", "NEW", "OLD", "PRIOR", "COMPARISON", "FIRST", "SECOND", "THIRD", "ONE", "TWO", "THREE",
        "CENTER", "CENTRE", "TOP", "BOTTOM", "MID", "MIDDLE", "ANTERIOR", "POSTERIOR", "SUPERIOR", "INFERIOR",
        "MEDIAL", "PROXIMAL", "DISTAL", "HEAD", "BASE", "APEX", "UNKNOWN", "OTHER", "NONE", "DEFAULT", "AUTO",
        "MANUAL", "MODIFIED", "DICOM", "DIRECT", "REFORMATTED",
    ]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
