import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback HTTP server that answers each connection with the next reply of a script, raw bytes
/// written as they are and the connection then closed, so a test can serve what no real server
/// would: a response cut short, a server that vanishes mid-reply. Connections past the end of the
/// script get the last reply again.
public final class ScriptedHTTPServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let port: UInt16
    private let listener: Int32
    private let replies: [Data]
    private let lock = NSLock()
    private var served = 0
    private var heads: [String] = []

    /// Binds 127.0.0.1 on a free port and starts answering on a thread of its own.
    public init(replies: [Data]) throws {
        precondition(!replies.isEmpty, "a script needs at least one reply")
        self.replies = replies
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, length) }
        }
        guard bound == 0, Glibc.listen(socket, 8) == 0 else {
            close(socket)
            throw Failure(description: "bind/listen on 127.0.0.1: errno \(errno)")
        }
        var assigned = sockaddr_in()
        var assignedLength = length
        _ = withUnsafeMutablePointer(to: &assigned) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &assignedLength) }
        }
        listener = socket
        port = UInt16(bigEndian: assigned.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// How many connections have been answered so far.
    public var connectionsServed: Int { lock.withLock { served } }

    /// The request heads received so far (request line and header lines), in order.
    public var requestHeads: [String] { lock.withLock { heads } }

    /// Stops accepting: `accept` fails from now on, and the serving thread then closes the socket
    /// itself, so its descriptor cannot be reused by another socket while the thread may still use it.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 && errno == EINTR { continue }
            guard connection >= 0 else {
                close(listener)
                return
            }
            let head = readRequest(connection)
            let reply = lock.withLock {
                heads.append(head)
                served += 1
                return replies[min(served, replies.count) - 1]
            }
            reply.withUnsafeBytes { bytes in
                var sent = 0
                while sent < bytes.count {
                    let written = send(connection, bytes.baseAddress?.advanced(by: sent), bytes.count - sent, 0)
                    if written <= 0 { break }
                    sent += written
                }
            }
            shutdown(connection, Int32(SHUT_RDWR))
            close(connection)
        }
    }

    /// Reads the request head and then its body as far as Content-Length says, so that closing the
    /// connection sends an orderly end rather than a reset over unread bytes. Returns the head.
    private func readRequest(_ connection: Int32) -> String {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let blankLine = Data("\r\n\r\n".utf8)
        var expected: Int?
        while received.count < 64 << 20 {
            if expected == nil, let end = received.range(of: blankLine) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                expected = end.upperBound + Self.contentLength(head)
            }
            if let expected, received.count >= expected { break }
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let headEnd = received.range(of: blankLine)?.lowerBound ?? received.endIndex
        return String(decoding: received[..<headEnd], as: UTF8.self)
    }

    /// The Content-Length of a request head, 0 when absent.
    private static func contentLength(_ head: String) -> Int {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return 0
    }

    /// An HTTP/1.1 reply whose Content-Length announces `declaredLength` bytes (the body's own
    /// length when nil), so a longer declaration makes a truncated response.
    public static func reply(body: String, declaredLength: Int? = nil) -> Data {
        let bytes = Data(body.utf8)
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\n"
            + "Content-Length: \(declaredLength ?? bytes.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + bytes
    }

    /// An HTTP/1.1 redirect with this status to `location`, without a body.
    public static func redirect(status: Int, to location: String) -> Data {
        let head = "HTTP/1.1 \(status) Moved\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        return Data(head.utf8)
    }
}
