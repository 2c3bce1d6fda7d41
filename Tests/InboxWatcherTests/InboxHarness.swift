import ClaimsTestSupport
import Foundation
import Testing

@testable import InboxWatcher

#if canImport(Glibc)
    import Glibc
#endif

struct DeadlineExceeded: Error, CustomStringConvertible {
    var what: String
    var description: String { "deadline exceeded waiting for \(what)" }
}

/// Races `body` against a deadline: the tests wait for events, never sleep in their place.
func withDeadline<T: Sendable>(
    _ what: String,
    _ timeout: Duration = .seconds(10),
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw DeadlineExceeded(what: what)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// A temporary inbox root, a watcher over it, and helpers that drop files the way the SFTP
/// server and admins do.
final class InboxHarness: Sendable {
    let directory: TemporaryDirectory
    let root: URL
    let logs = LogCapture()
    let watcher: InboxWatcher

    /// Creates the root and the `precreated` partner folders (so tests can drop files before the
    /// reader thread has created them); the watcher is not started.
    init(partners: Set<String>, precreated: Set<String>? = nil, bufferCapacity: Int = 256) throws {
        directory = try TemporaryDirectory(prefix: "inbox-watcher")
        root = directory.url.appending(component: "inbox", directoryHint: .isDirectory)
        for partner in precreated ?? partners {
            try FileManager.default.createDirectory(
                at: root.appending(component: partner, directoryHint: .isDirectory),
                withIntermediateDirectories: true
            )
        }
        let configuration = InboxWatcher.Configuration(root: root, partners: partners, bufferCapacity: bufferCapacity)
        watcher = InboxWatcher(configuration: configuration, logger: logs.logger)
    }

    deinit { watcher.stop() }

    /// Starts the watcher and waits until its initial scan is done, so files the test drops
    /// afterwards are reported by their event only (a file dropped during the scan may be
    /// reported twice, which the watcher documents).
    func start() async throws {
        try watcher.start()
        try await withDeadline("initial scan") { await self.logs.waitFor("initial scan done") }
    }

    func folder(_ partner: String) -> URL {
        root.appending(component: partner, directoryHint: .isDirectory)
    }

    /// A folder beside the inbox, on the same file system, to `mv` files in from.
    var outside: URL {
        let url = directory.url.appending(component: "outside", directoryHint: .isDirectory)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// open, write, close: exactly one `IN_CLOSE_WRITE`.
    @discardableResult
    func write(_ name: String, in directory: URL, contents: String = "ISA*00*") throws -> URL {
        let url = directory.appending(component: name, directoryHint: .notDirectory)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        try #require(fd >= 0, "open \(url.path): errno \(errno)")
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        try #require(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
        return url
    }

    @discardableResult
    func write(_ name: String, partner: String, contents: String = "ISA*00*") throws -> URL {
        try write(name, in: folder(partner), contents: contents)
    }

    /// rename(2), as `mv` within one file system does: one `IN_MOVED_TO` in the destination.
    func move(_ source: URL, to partner: String, as name: String) throws {
        let destination = folder(partner).appending(component: name, directoryHint: .notDirectory)
        try #require(rename(source.path, destination.path) == 0, "rename: errno \(errno)")
    }

    /// The next reported file, or nil when the stream ended.
    func next(within timeout: Duration = .seconds(10)) async throws -> InboxFile? {
        let files = watcher.files
        return try await withDeadline("next inbox file", timeout) {
            var iterator = files.makeAsyncIterator()
            return await iterator.next()
        }
    }

    /// Receives files until every name in `names` was seen; returns everything received.
    func receive(
        _ names: Set<String>,
        within timeout: Duration = .seconds(10)
    ) async throws -> [InboxFile] {
        let files = watcher.files
        return try await withDeadline("files \(names.sorted())", timeout) {
            var missing = names
            var received: [InboxFile] = []
            for await file in files {
                received.append(file)
                missing.remove(file.name)
                if missing.isEmpty { break }
            }
            return received
        }
    }

    /// Drops a file named `name` into `partner`'s folder and receives up to it. Because the
    /// watcher reports in event order, whatever it returns before the sentinel is everything that
    /// was reported for earlier actions: this is how tests prove that something was *not* reported.
    func sentinel(_ name: String = "sentinel-\(UUID().uuidString).x12", partner: String) async throws -> [InboxFile] {
        try write(name, partner: partner)
        let received = try await receive([name])
        #expect(received.last?.name == name)
        return Array(received.dropLast())
    }
}
