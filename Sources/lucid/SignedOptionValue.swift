import ArgumentParser

/// Values of options that may begin with '-', such as a window with a negative centre
/// (`--window -600,1500`). Such options are parsed `.unconditional`ly, taking the next argument
/// whatever it looks like; these transforms then refuse an argument that is an option rather than a
/// value, so `--window --frame 2` still reports the window's value as missing.
enum SignedOptionValue {
    /// `argument` itself, unless it is an option.
    static func text(_ argument: String) throws(OptionValueError) -> String {
        guard !isOption(argument) else { throw .missing(nextOption: argument) }
        return argument
    }

    /// `argument` as a number (`-600`, `.5`, `1e3`), unless it is an option or not a number.
    static func number(_ argument: String) throws(OptionValueError) -> Double {
        let value = try text(argument)
        guard let number = Double(value) else { throw .notANumber(argument) }
        return number
    }

    /// Whether `argument` is an option: a dash followed by anything but a digit or a point (`-o`,
    /// `--frame`). `-600,1500`, `-.5` and a lone `-` are values.
    static func isOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), let next = argument.dropFirst().first else { return false }
        return !(next.isASCII && (next.isNumber || next == "."))
    }
}

/// Why an option's value was refused before its own checks.
enum OptionValueError: Error, CustomStringConvertible {
    /// The option was followed by another option, not by its value.
    case missing(nextOption: String)
    /// The value of a numeric option does not parse as a number.
    case notANumber(String)

    var description: String {
        switch self {
        case .missing(let option): return "the value is missing ('\(option)' is the next option)"
        case .notANumber(let text): return "'\(text)' is not a number"
        }
    }
}

/// The one-line note an old spelling of an option prints on standard error; old spellings keep
/// working for one release.
enum Deprecation {
    /// Prints `lucid: OLD is deprecated; use NEW`.
    static func note(_ old: String, use replacement: String) {
        StandardError.write("lucid: \(old) is deprecated; use \(replacement)")
    }
}
