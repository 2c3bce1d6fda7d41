import Glibc
import Testing

@testable import SFTPGateway

/// The listening socket's promises to the sessions it hands to libssh.
@Suite struct SFTPListenerTests {
    /// Replies must leave at once: with Nagle's algorithm on, each small SFTP status waited for the
    /// client's delayed acknowledgment and uploads ran at half OpenSSH's speed.
    @Test func acceptedConnectionsSendWithoutNagleDelay() throws {
        let listener = try SFTPListener(address: "127.0.0.1", port: 0)
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(client >= 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(listener.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let accepted = try #require(listener.accept())
        defer { close(accepted.socket) }
        #expect(accepted.address == "127.0.0.1")
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        #expect(getsockopt(accepted.socket, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0)
        #expect(value != 0)
    }
}
