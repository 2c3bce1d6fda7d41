import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real `claimsgate serve` process on a temporary data root, as an operator would run it.
public final class GatewayProcess: @unchecked Sendable {
    public let root: URL
    let process: Process
    let logFile: URL

    /// The debug build of the CLI that `swift build --build-tests` leaves beside the test bundle.
    public static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("claimsgate")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/claimsgate")
    }

    /// Writes a configuration for partner `demo` (sender ZZ/DEMOSUBMITTER, positive 999s) under
    /// `root/Config/` unless one is there, then starts `serve` and waits for its `ready` line. The
    /// SFTP endpoint listens on a free port (`--sftp-port 0`) unless `arguments` say otherwise.
    public init(
        root: URL, databaseURL: String?, arguments: [String] = ["--sftp-port", "0"], readyTimeout: Duration = .seconds(120)
    ) async throws {
        self.root = root
        try Self.writeDefaultConfiguration(root: root)
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--root", root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CLAIMSGATE_DATABASE_URL"] = databaseURL ?? ""
        process.environment = environment
        // Output goes to a file, not a pipe, so everything a process wrote before exiting is there to
        // read (a pipe's reader can lag behind the exit).
        logFile = root.appendingPathComponent("serve-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        try handle.close()
        let process = process
        let logFile = logFile
        try await waitUntil("the gateway to log ready", timeout: readyTimeout) {
            let text = Self.read(logFile)
            guard process.isRunning else {
                throw Failure.exited("exit status \(process.terminationStatus)\n" + Self.read(logFile))
            }
            // The log line itself (`… [ClaimsApp] ready`), not PostgreSQL's "already exists" notices.
            return text.contains("] ready")
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case exited(String)

        public var description: String {
            switch self {
            case .exited(let log): "claimsgate serve exited early:\n\(log)"
            }
        }
    }

    /// Everything the gateway has logged so far.
    public var log: String { Self.read(logFile) }

    static func read(_ file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// The port the SFTP endpoint listens on, from its `sftp listening` log line.
    public var sftpPort: Int? {
        guard let range = log.range(of: #"sftp\.port=[0-9]+"#, options: .regularExpression) else { return nil }
        return Int(log[range].dropFirst("sftp.port=".count))
    }

    /// Sends SIGTERM and waits for a clean exit; returns the exit status.
    @discardableResult
    public func stop() async throws -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let process = process
        try await waitUntil("the gateway to exit after SIGTERM", timeout: .seconds(60)) { !process.isRunning }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    public var inbox: URL { root.appendingPathComponent("inbox/demo") }
    public var outbox: URL { root.appendingPathComponent("var/outbox/demo") }
    public var archive: URL { root.appendingPathComponent("var/archive") }
    public var quarantine: URL { root.appendingPathComponent("var/quarantine") }

    /// Moves `file` into the demo inbox under `name` (a rename, as an admin's `mv` would).
    public func drop(_ file: URL, as name: String) throws {
        try FileManager.default.moveItem(at: file, to: inbox.appendingPathComponent(name))
    }

    /// Names of regular files anywhere under `directory`.
    public static func files(under directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var names: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                names.append(url.lastPathComponent)
            }
        }
        return names.sorted()
    }

    static func writeDefaultConfiguration(root: URL) throws {
        let config = root.appendingPathComponent("Config")
        guard !FileManager.default.fileExists(atPath: config.path) else { return }
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data(
            """
            gateway:
              interchange_qualifier: ZZ
              interchange_id: CLAIMSGATE
            database:
              pool_size: 2
            """.utf8
        ).write(to: config.appendingPathComponent("gateway.yaml"))
        try Data(
            """
            partners:
              - id: demo
                sender_ids:
                  - { qualifier: ZZ, id: DEMOSUBMITTER }
                acknowledgments:
                  positive_999: true
                  policy: claim-level
            """.utf8
        ).write(to: config.appendingPathComponent("partners.yaml"))
    }
}

/// Collects a child process's output from the pipe's reader thread.
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
