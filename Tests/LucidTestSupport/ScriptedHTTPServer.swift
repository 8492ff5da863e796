import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback HTTP server that answers each connection with the next reply of a script, raw bytes
/// written as they are and the connection then closed, so a test can serve what no real server
/// would: a response cut short, a server that vanishes mid-reply, a reply that trickles or never
/// ends, no reply at all. Connections past the end of the script get the last reply again. One
/// connection is served at a time.
public final class ScriptedHTTPServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// One scripted answer.
    public enum Reply: Sendable {
        /// These bytes, then the connection closed.
        case bytes(Data)
        /// `head`, then `chunk` up to `count` times, `interval` seconds apart, while the client
        /// keeps the connection open; then the connection closed.
        case stream(head: Data, chunk: Data, count: Int, interval: Double)
        /// Nothing: the request is read and the connection held open until the client closes it
        /// or the server stops.
        case silence
    }

    public let port: UInt16
    private let listener: Int32
    private let replies: [Reply]
    private let lock = NSLock()
    private var served = 0
    private var heads: [String] = []
    private var streamed = 0
    private var closedEarly = 0
    private var stopped = false

    /// Binds 127.0.0.1 on a free port and starts answering on a thread of its own.
    public convenience init(replies: [Data]) throws {
        try self.init(script: replies.map(Reply.bytes))
    }

    /// Binds 127.0.0.1 on a free port and starts answering on a thread of its own.
    public init(script replies: [Reply]) throws {
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

    /// Body bytes of `.stream` replies the client accepted so far (written into the connection).
    public var bytesStreamed: Int { lock.withLock { streamed } }

    /// How many `.stream` and `.silence` replies the client cut short by closing the connection.
    public var repliesClosedByClient: Int { lock.withLock { closedEarly } }

    /// Stops accepting: `accept` fails from now on, and the serving thread then closes the socket
    /// itself, so its descriptor cannot be reused by another socket while the thread may still use
    /// it. A reply being streamed or a silence ends too.
    public func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private var isStopped: Bool { lock.withLock { stopped } }

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
            answer(connection, with: reply)
            shutdown(connection, Int32(SHUT_RDWR))
            close(connection)
        }
    }

    private func answer(_ connection: Int32, with reply: Reply) {
        switch reply {
        case .bytes(let data): _ = write(data, to: connection)
        case .stream(let head, let chunk, let count, let interval):
            guard write(head, to: connection) else { return }
            for _ in 0..<count where !isStopped {
                guard write(chunk, to: connection) else {
                    lock.withLock { closedEarly += 1 }
                    return
                }
                lock.withLock { streamed += chunk.count }
                if interval > 0 { Thread.sleep(forTimeInterval: interval) }
            }
        case .silence:
            var pollDescriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            var byte: UInt8 = 0
            while !isStopped {
                // The client's close makes the socket readable with nothing to read.
                if poll(&pollDescriptor, 1, 100) > 0 && recv(connection, &byte, 1, Int32(MSG_PEEK)) <= 0 {
                    lock.withLock { closedEarly += 1 }
                    return
                }
            }
        }
    }

    /// Writes all of `data`; false once the client has closed the connection.
    private func write(_ data: Data, to connection: Int32) -> Bool {
        data.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let written = send(
                    connection, bytes.baseAddress?.advanced(by: sent), bytes.count - sent, Int32(MSG_NOSIGNAL))
                if written <= 0 { return false }
                sent += written
            }
            return true
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

    /// A 200 reply's head announcing `declaredLength` bytes of body, or none (the body then ends
    /// when the connection closes).
    public static func head(declaredLength: Int?) -> Data {
        let length = declaredLength.map { "Content-Length: \($0)\r\n" } ?? ""
        return Data(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\n" + length + "Connection: close\r\n\r\n").utf8)
    }

    /// An HTTP/1.1 redirect with this status to `location`, without a body.
    public static func redirect(status: Int, to location: String) -> Data {
        let head = "HTTP/1.1 \(status) Moved\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        return Data(head.utf8)
    }
}
