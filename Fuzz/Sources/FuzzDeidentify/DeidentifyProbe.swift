import LucidDICOM
import LucidDeidentify

/// Takes fuzzed bytes the way `lucid deidentify` does: parse the file, apply the Basic Profile
/// with every option Lucid implements, and read the output back. Any thrown error is an
/// acceptable outcome; a crash, a sanitizer report or a broken invariant is a finding:
/// - the output parses, with Patient Identity Removed YES;
/// - the same input gives the same bytes again (the pseudonyms are keyed, never random);
/// - no text value of the output holds the input's Patient's Name or Patient ID (4 characters or
///   more), unless another attribute the profile keeps holds that text too, or it is part of a
///   value the de-identifier wrote itself (`ANON-`, `ANON^`, a `2.25.` UID, a dummy value, a
///   mark, a shifted date).
enum DeidentifyProbe {
    static let limits = ReadLimits(
        maximumInflatedBytes: 64 << 20, maximumFramePixels: 1 << 20, memoryBudget: 256 << 20)
    static let key = Array("lucid-fuzz-key-0123456789abcdef0123".utf8)

    static func run(_ bytes: [UInt8]) {
        guard let file = try? DICOMFile(bytes: bytes, source: "fuzz.dcm", limits: limits) else { return }
        for options in [Set<ConfidentialityOption>(), Set(ConfidentialityOption.allCases.filter(\.isImplemented))] {
            var deidentifier = Deidentifier(
                profile: ConfidentialityProfile(options: options), pseudonymizer: Pseudonymizer(key: key),
                implementationVersion: "fuzz")
            deidentifier.allowBurnedIn = true
            deidentifier.assumeNoBurnedIn = true
            guard let instance = try? deidentifier.deidentify(file) else { continue }
            precondition((try? deidentifier.deidentify(file))?.bytes == instance.bytes, "two runs differ")
            guard let output = try? DICOMFile(bytes: instance.bytes, source: "out.dcm", limits: limits) else {
                preconditionFailure("the de-identified file does not parse")
            }
            precondition(
                output.dataSet.string(DICOMTag(0x0012, 0x0062)) == "YES", "Patient Identity Removed is not YES")
            checkNoLeak(from: file.dataSet, into: output.dataSet)
        }
    }

    static func checkNoLeak(from input: DataSet, into output: DataSet) {
        let identifying: [DICOMTag] = [.patientName, .patientID]
        var kept: [String] = []
        collectTexts(of: input, skipping: Set(identifying), into: &kept)
        var written: [String] = []
        collectTexts(of: output, skipping: [], skippingDates: true, into: &written)
        written = written.filter { text in
            !(text.hasPrefix("ANON-") || text.hasPrefix("ANON^") || text.hasPrefix("2.25.") || generated.contains(text))
        }
        for tag in identifying {
            guard let value = input.string(tag), value.utf8.count >= 4,
                !kept.contains(where: { $0.contains(value) })
            else { continue }
            precondition(!written.contains { $0.contains(value) }, "\(tag.described) \(value.debugDescription) left")
        }
    }

    /// The texts the de-identifier writes of its own: dummy values and the marks.
    static let generated: Set<String> = {
        var texts: Set<String> = [
            "ANONYMIZED", "000Y", "19000101", "19000101000000", "000000", "0", "urn:x-anonymized", "YES", "REMOVED",
            "MODIFIED", "DCM", "113100", "Basic Application Confidentiality Profile",
        ]
        for option in ConfidentialityOption.allCases {
            texts.insert(option.codeValue)
            texts.insert(option.codeMeaning)
        }
        return texts
    }()

    /// Every text value in `dataSet` and its items, except those of `skipping` at any depth (and
    /// DA, DT and TM values with `skippingDates`: a shifted date is made of new digits).
    static func collectTexts(
        of dataSet: DataSet, skipping: Set<DICOMTag>, skippingDates: Bool = false, into texts: inout [String]
    ) {
        for element in dataSet.elements {
            if let items = element.items {
                for item in items {
                    collectTexts(of: item, skipping: skipping, skippingDates: skippingDates, into: &texts)
                }
            } else if !skipping.contains(element.tag), case .text(let values) = dataSet.value(of: element) {
                if skippingDates, [.DA, .DT, .TM].contains(dataSet.displayVR(of: element)) { continue }
                texts += values
            }
        }
    }
}
