import LucidCodecs

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ArchiveFolder {
    /// A temporary name for `name`: `.NAME.tmp-<16 hex digits>`, the form of
    /// `AtomicFileWriter.isTemporaryFileName`, whose first 8 digits are the writing process's id and
    /// the last 8 random. A later writer can so tell a temporary file of a live process (another
    /// worker or run, still writing) from one a killed process left behind.
    static func temporaryName(for name: String) -> String {
        let pid = String(UInt32(truncatingIfNeeded: getpid()), radix: 16)
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        let padded = String(repeating: "0", count: 8 - pid.count) + pid
        return "." + name + ".tmp-" + padded + String(repeating: "0", count: 8 - random.count) + random
    }

    /// Whether the process that wrote temporary file `name` may still be running: its suffix names
    /// this process or a process that exists. A suffix of another form (an older writer's random
    /// digits) counts as gone.
    static func writerIsAlive(_ name: String) -> Bool {
        guard let dash = name.lastIndex(of: "-") else { return false }
        let suffix = name[name.index(after: dash)...]
        guard suffix.count == 16, let pid = Int32(suffix.prefix(8), radix: 16), pid > 0 else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func writeAll(_ bytes: [UInt8], to file: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let written = systemWrite(file, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}

/// POSIX `write(2)`, named apart from `ArchiveFolder.write`.
private func systemWrite(_ file: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(file, bytes, count)
}
