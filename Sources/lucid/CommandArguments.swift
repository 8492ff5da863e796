import LucidFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line as the bytes it was given. `CommandLine.arguments` replaces bytes that are not
/// UTF-8 with U+FFFD, which would turn `lucid process latin\xe9.dcm` into a path that does not
/// exist; here each argument is a `FileSystemName` string, so such a path names its file.
enum CommandArguments {
    /// Every argument, the program's name first.
    static var all: [String] {
        let count = Int(CommandLine.argc)
        let vector = CommandLine.unsafeArgv
        return (0..<count).map { index in
            guard let argument = vector[index] else { return "" }
            return FileSystemName.string(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        }
    }
}
