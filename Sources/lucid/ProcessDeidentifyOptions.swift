import ArgumentParser
import LucidDeidentify
import LucidRendering

/// `lucid process --deidentify --key-file FILE [--option NAME]... [--allow-burned-in]
/// [--assume-no-burned-in]`: the options of `lucid deidentify`, with the same meaning, applied to
/// every DICOM input right after it is read.
struct ProcessDeidentifyOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "De-identify every DICOM input right after reading it (PS3.15 Basic Profile with keyed pseudonyms, as "
                + "lucid deidentify): every output is made from the de-identified instance and named by its "
                + "pseudonymous UIDs. Needs --key-file."))
    var deidentify = false

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "With --deidentify: the file holding the secret key (at least 32 bytes, readable by its owner only).",
            valueName: "file"))
    var keyFile: String?

    @Option(
        name: .customLong("option"),
        help: ArgumentHelp(
            "With --deidentify: a PS3.15 option, repeatable ("
                + ConfidentialityOption.allCases.filter(\.isImplemented).map(\.name).joined(separator: ", ") + ").",
            valueName: "name"))
    var optionNames: [String] = []

    @Flag(
        name: .customLong("allow-burned-in"),
        help: "With --deidentify: process files whose Burned In Annotation is YES.")
    var allowBurnedIn = false

    @Flag(
        name: .customLong("assume-no-burned-in"),
        help: "With --deidentify: process files of text-bearing modalities that do not say whether text is burned in.")
    var assumeNoBurnedIn = false

    func validate() throws {
        guard deidentify else {
            let given = [
                keyFile.map { _ in "--key-file" }, optionNames.isEmpty ? nil : "--option",
                allowBurnedIn ? "--allow-burned-in" : nil, assumeNoBurnedIn ? "--assume-no-burned-in" : nil,
            ]
            if let first = given.compactMap({ $0 }).first { throw ValidationError("\(first) goes with --deidentify") }
            return
        }
        guard keyFile != nil else {
            throw ValidationError(
                "--deidentify needs --key-file FILE: the department's secret key (at least 32 bytes, chmod 600), "
                    + "from which the pseudonyms are made; nothing was done")
        }
        _ = try Self.options(named: optionNames)
    }

    /// The PS3.15 options named, each checked: an unknown or unimplemented one is a usage error.
    static func options(named names: [String]) throws -> Set<ConfidentialityOption> {
        var chosen: Set<ConfidentialityOption> = []
        for name in names {
            guard let option = ConfidentialityOption(rawValue: name.lowercased()) else {
                throw ValidationError(
                    "unknown --option '\(name)': use "
                        + ConfidentialityOption.allCases.filter(\.isImplemented).map(\.name).joined(separator: ", "))
            }
            guard option.isImplemented else {
                throw ValidationError(
                    "--option \(option.name) (\(option.codeMeaning)) is not implemented yet; nothing was written")
            }
            chosen.insert(option)
        }
        return chosen
    }

    /// The de-identifier, its key read from `--key-file`; nil without `--deidentify`.
    /// - Throws: `ProcessingFailure` with status 2 after naming the problem when the key cannot be
    ///   used (unreadable, too short, readable by others).
    func deidentifier() throws -> Deidentifier? {
        guard deidentify, let keyFile else { return nil }
        return try Self.deidentifier(
            keyFile: keyFile, options: Self.options(named: optionNames), allowBurnedIn: allowBurnedIn,
            assumeNoBurnedIn: assumeNoBurnedIn)
    }

    /// The de-identifier of `lucid deidentify` and `lucid process --deidentify`: the Basic Profile with
    /// `options`, pseudonyms keyed by the secret in `keyFile`, and the burned-in rule's two overrides.
    /// - Throws: `ProcessingFailure` with status 2 after naming the problem when the key cannot be
    ///   used (unreadable, too short, readable by others).
    static func deidentifier(
        keyFile: String, options: Set<ConfidentialityOption>, allowBurnedIn: Bool, assumeNoBurnedIn: Bool
    ) throws -> Deidentifier {
        let key: [UInt8]
        do throws(DeidentifyError) {
            key = try KeyFile.read(keyFile)
        } catch {
            StandardError.write("lucid: \(error)")
            throw ProcessingFailure(status: 2)
        }
        var deidentifier = Deidentifier(
            profile: ConfidentialityProfile(options: options), pseudonymizer: Pseudonymizer(key: key),
            implementationVersion: LucidVersion.current)
        deidentifier.allowBurnedIn = allowBurnedIn
        deidentifier.assumeNoBurnedIn = assumeNoBurnedIn
        return deidentifier
    }

    /// What the run manifest records: `basic`, then the options in force.
    var manifestEntry: [String]? {
        guard deidentify else { return nil }
        return ["basic"] + ((try? Self.options(named: optionNames)) ?? []).sorted().map(\.name)
    }
}
