import SFTPGateway
import Testing

/// Path resolution in a partner's virtual root: pure, no I/O.
@Suite struct VirtualPathTests {
    @Test(arguments: [
        ("/", VirtualPath.root), ("", .root), (".", .root), ("..", .root), ("/../..", .root), ("/inbox/..", .root),
        ("/inbox", .folder(.inbox)), ("inbox/", .folder(.inbox)), ("/outbox/./", .folder(.outbox)),
        ("/../../outbox", .folder(.outbox)), ("/inbox/a.x12", .file(.inbox, name: "a.x12")),
        ("/inbox/../outbox/ack.x12", .file(.outbox, name: "ack.x12")), ("/../../inbox/b", .file(.inbox, name: "b")),
    ])
    func resolvesInsideTheRoot(path: String, expected: VirtualPath) {
        #expect(VirtualPath(path) == expected)
    }

    @Test(arguments: [
        "/etc", "/etc/passwd", "../../etc/passwd", "/inbox/../../etc/passwd", "/beta/outbox/x", "/inbox/sub/file",
        "/inbox/.hidden.part", "/outbox/.x", "/inbox/bad\u{1}name", "/var",
    ])
    func refusesEverythingElse(path: String) {
        #expect(VirtualPath(path) == nil)
    }

    @Test func canonicalForm() {
        #expect(VirtualPath("/inbox/../outbox//a")?.absolute == "/outbox/a")
        #expect(VirtualPath("..")?.absolute == "/")
    }
}
