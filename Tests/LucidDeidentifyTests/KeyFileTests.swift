import Foundation
import Testing

@testable import LucidDeidentify

@Suite struct KeyFileTests {
    func keyFile(_ bytes: [UInt8], mode: Int) throws -> String {
        let path = NSTemporaryDirectory() + "lucid-key-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func anOwnerOnlyKeyIsRead() throws {
        let path = try keyFile(DeidentifyFixtures.key, mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try KeyFile.read(path) == DeidentifyFixtures.key)
    }

    @Test func aKeyOthersMayReadIsRefused() throws {
        for mode in [0o644, 0o640, 0o604, 0o620] {
            let path = try keyFile(DeidentifyFixtures.key, mode: mode)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(throws: DeidentifyError.keyTooOpen(path: path, permissions: UInt32(mode))) {
                try KeyFile.read(path)
            }
        }
        let error = DeidentifyError.keyTooOpen(path: "KEY", permissions: 0o644)
        #expect(error.description.hasPrefix("permissions 0644 for 'KEY' are too open"))
    }

    @Test func aShortKeyIsRefused() throws {
        let path = try keyFile(Array(repeating: 7, count: 31), mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: DeidentifyError.keyTooShort(path: path, length: 31)) { try KeyFile.read(path) }
    }

    @Test func aMissingKeyIsRefused() {
        #expect(throws: DeidentifyError.self) { try KeyFile.read("/nonexistent/lucid.key") }
    }
}
