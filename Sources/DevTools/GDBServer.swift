import RISCV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors of the gdb stub's transport.
public enum GDBServerError: Error, Equatable, CustomStringConvertible {
    case socket(String)
    public var description: String {
        switch self { case .socket(let m): return "gdb stub: \(m)" }
    }
}

/// A GDB remote stub over TCP on 127.0.0.1 (GDB manual, Appendix E "Remote Protocol"): listens, accepts one
/// debugger, acknowledges packets, and hands them to a `GDBStub`. Only the loopback address is bound.
public final class GDBServer {
    let listener: Int32
    /// The bound port (useful when 0 was asked for).
    public let port: UInt16

    /// Binds 127.0.0.1:`port` (0 = any free port) and listens.
    public init(port: UInt16) throws(GDBServerError) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .socket("socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else {
            let e = errno
            close(fd)
            throw .socket("cannot listen on 127.0.0.1:\(port): errno \(e)")
        }
        var got = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &got) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        self.port = UInt16(bigEndian: got.sin_port)
    }

    deinit { close(listener) }

    /// Accepts one debugger and serves it until it kills or detaches, or the guest exits. Returns the
    /// guest's final stop (nil if the debugger went away while the guest could still run).
    public func serve<H: SyscallHandler>(_ stub: GDBStub<H>) throws(GDBServerError) -> StopReason? {
        let conn = accept(listener, nil, nil)
        guard conn >= 0 else { throw .socket("accept() failed: errno \(errno)") }
        defer { close(conn) }
        var parser = GDBPacket.Parser()
        var pending: [UInt8] = []
        stub.interrupted = {
            var pfd = pollfd(fd: conn, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 0) > 0 else { return false }
            var b: UInt8 = 0
            guard recv(conn, &b, 1, 0) == 1 else { return true }
            if b == 0x03 { return true }
            pending.append(b)
            return false
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var incoming = pending
            pending = []
            if incoming.isEmpty {
                let n = buffer.withUnsafeMutableBytes { recv(conn, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return stub.finalStop }
                incoming = Array(buffer[0..<n])
            }
            for b in incoming {
                guard let event = parser.feed(b) else { continue }
                switch event {
                case .badChecksum:
                    send(conn, [0x2D])
                case .interrupt:
                    continue
                case .packet(let data):
                    send(conn, [0x2B])
                    switch stub.handle(data) {
                    case .reply(let r):
                        send(conn, GDBPacket.frame(Array(r.utf8)))
                    case .replyAndEnd(let r):
                        send(conn, GDBPacket.frame(Array(r.utf8)))
                        drain(conn)
                        return stub.finalStop
                    case .end:
                        return stub.finalStop
                    }
                }
            }
        }
    }

    func send(_ conn: Int32, _ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { b -> Int in
                guard let base = b.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.send(conn, base + done, b.count - done, Int32(MSG_NOSIGNAL))
                #else
                return Darwin.send(conn, base + done, b.count - done, 0)
                #endif
            }
            if n <= 0 { return }
            done += n
        }
    }

    /// Waits briefly for the debugger's final ack so it sees the reply before the connection closes.
    func drain(_ conn: Int32) {
        var pfd = pollfd(fd: conn, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, 1000) > 0 {
            var b = [UInt8](repeating: 0, count: 64)
            _ = b.withUnsafeMutableBytes { recv(conn, $0.baseAddress, $0.count, 0) }
        }
    }
}
