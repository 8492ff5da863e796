import Foundation

/// The memory this machine gives Lucid, from which `--max-memory` takes its default.
public enum MachineMemory {
    /// Physical memory (`ProcessInfo.physicalMemory`), or the memory limit of the control group
    /// Lucid runs in when that is smaller (a container's limit: cgroup v2 `memory.max`, v1
    /// `memory.limit_in_bytes`), bytes; at least 1 MiB.
    public static var available: Int {
        let physical = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        let group = controlGroupLimit ?? .max
        return max(1 << 20, min(physical > 0 ? physical : .max, group))
    }

    /// The default memory budget of a run (`--max-memory`): half of `available`, leaving the other
    /// half to the operating system, its file cache and the other programs of a workstation.
    public static var defaultBudget: Int { available / 2 }

    /// The control group's memory limit, bytes, or nil when there is none (or it cannot be read).
    static var controlGroupLimit: Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let data = FileManager.default.contents(atPath: path), data.count < 64 else { continue }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // "max" (v2) or a number near Int.max (v1) means no limit.
            if let limit = Int(text), limit > 0, limit < 1 << 60 { return limit }
        }
        return nil
    }
}
