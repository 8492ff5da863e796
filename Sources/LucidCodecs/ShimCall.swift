import CCodecShims

/// Calls a C shim function with a fresh message buffer.
///
/// `body` receives the buffer and its capacity in bytes and returns the shim's status.
/// Returns `nil` on status 0, otherwise the message the shim wrote.
package func callShim(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(LUCID_CODEC_MESSAGE_CAPACITY))
    let status = buffer.withUnsafeMutableBufferPointer { storage -> Int32 in
        guard let base = storage.baseAddress else { return -1 }
        return body(base, storage.count)
    }
    if status == 0 { return nil }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return bytes.isEmpty ? "unknown error" : String(decoding: bytes, as: UTF8.self)
}

extension lucid_codec_buffer {
    /// The bytes written so far, copied into a Swift array.
    package var bytes: [UInt8] {
        guard let data, length > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }
}
