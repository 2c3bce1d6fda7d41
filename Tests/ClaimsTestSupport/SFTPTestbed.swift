import Foundation

/// A real `claimsgate serve` with its SFTP endpoint on a free port, partners with fresh ed25519
/// keys, and the real clients the tests drive it with: OpenSSH `sftp`, `curl`, and paramiko.
public final class SFTPTestbed: @unchecked Sendable {
    public struct Partner: Sendable {
        public var id: String
        public var senderID: String
        public var passwordHash: String?

        public init(id: String, senderID: String = "DEMOSUBMITTER", passwordHash: String? = nil) {
            self.id = id
            self.senderID = senderID
            self.passwordHash = passwordHash
        }
    }

    public let root: TemporaryDirectory
    public let gateway: GatewayProcess
    public let port: Int
    public var keys: URL { root.url.appendingPathComponent("keys") }

    /// Writes the configuration (`sftpSettings` is extra YAML under `sftp:`), makes a key pair per
    /// partner (`keys/<id>`), starts `serve`.
    public init(databaseURL: String, partners: [Partner], sftpSettings: [String] = []) async throws {
        root = try TemporaryDirectory(prefix: "cg-sftp")
        let keys = root.url.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        var partnerYAML = "partners:\n"
        for partner in partners {
            let key = keys.appendingPathComponent(partner.id)
            try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", partner.id, "-f", key.path])
            let publicKey = try String(contentsOf: key.appendingPathExtension("pub"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            partnerYAML += """
                  - id: \(partner.id)
                    sender_ids: [{ qualifier: ZZ, id: \(partner.senderID) }]
                    acknowledgments: { positive_999: true, policy: claim-level }
                    max_file_size: 10000000
                    authorized_keys: ["\(publicKey)"]

                """
            if let hash = partner.passwordHash { partnerYAML += "    password_hash: '\(hash)'\n" }
        }
        let config = root.url.appendingPathComponent("Config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let gatewayYAML = """
            gateway: { interchange_qualifier: ZZ, interchange_id: CLAIMSGATE }
            database: { pool_size: 2 }
            sftp:
              address: 127.0.0.1
              port: 0
            \(sftpSettings.map { "  " + $0 }.joined(separator: "\n"))

            """
        try Data(gatewayYAML.utf8).write(to: config.appendingPathComponent("gateway.yaml"))
        try Data(partnerYAML.utf8).write(to: config.appendingPathComponent("partners.yaml"))
        gateway = try await GatewayProcess(root: root.url, databaseURL: databaseURL, arguments: [])
        guard let port = gateway.sftpPort else { throw GatewayProcess.Failure.exited(gateway.log) }
        self.port = port
    }

    public func key(_ partner: String) -> URL { keys.appendingPathComponent(partner) }
    public func inbox(_ partner: String) -> URL { root.url.appendingPathComponent("inbox/\(partner)") }
    public func outbox(_ partner: String) -> URL { root.url.appendingPathComponent("var/outbox/\(partner)") }
    public var quarantine: URL { root.url.appendingPathComponent("var/quarantine") }

    /// Runs OpenSSH `sftp -b` with `commands` as `user`, authenticating with `key` (default: the
    /// user's own key).
    public func sftp(_ commands: [String], as user: String, key: URL? = nil) throws -> ClientResult {
        let batch = root.url.appendingPathComponent("batch-\(UUID().uuidString)")
        try Data((commands.joined(separator: "\n") + "\n").utf8).write(to: batch)
        return try Self.run(
            "/usr/bin/sftp",
            Self.sshOptions(key: key ?? self.key(user)) + ["-P", String(port), "-b", batch.path, "\(user)@127.0.0.1"])
    }

    /// `curl -T file sftp://…/inbox/name`.
    public func curlUpload(_ file: URL, as user: String, name: String) throws -> ClientResult {
        try Self.run(
            "/usr/bin/curl",
            [
                "-sS", "--insecure", "--key", key(user).path, "--pubkey", key(user).path + ".pub", "-u", "\(user):",
                "-T", file.path, "sftp://127.0.0.1:\(port)/inbox/\(name)",
            ])
    }

    /// `curl -o out sftp://…/outbox/name`, or a listing of `/outbox/` when `name` is empty.
    public func curlDownload(_ name: String, as user: String, to output: URL) throws -> ClientResult {
        try Self.run(
            "/usr/bin/curl",
            [
                "-sS", "--insecure", "--key", key(user).path, "--pubkey", key(user).path + ".pub", "-u", "\(user):",
                "-o", output.path, "sftp://127.0.0.1:\(port)/outbox/\(name)",
            ])
    }

    /// Runs `Tests/Fixtures/sftp_client.py` (paramiko) with `arguments` after the command name.
    public func paramiko(_ command: String, _ arguments: [String], input: String? = nil) throws -> ClientResult {
        let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/sftp_client.py").path
        return try Self.run("/usr/bin/env", ["python3", script, command, "--port", String(port)] + arguments, input: input)
    }

    /// Starts the paramiko client that writes half of `file` and hangs; returns once the half is on
    /// the server. The caller kills it.
    public func stalledUpload(_ file: URL, as user: String, name: String) async throws -> Process {
        let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/sftp_client.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, "stall", "--port", String(port), "--user", user, "--key", key(user).path, "--file",
            file.path, "--name", name,
        ]
        let output = OutputBuffer()
        let pipe = Pipe()
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
        try process.run()
        try await waitUntil("the stalled client to write half its file") {
            guard process.isRunning else { throw ClientFailure(description: "stall client exited") }
            return output.text.contains("written")
        }
        return process
    }

    public static func sshOptions(key: URL) -> [String] {
        [
            "-i", key.path, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=20",
        ]
    }

    public struct ClientResult: Sendable {
        public var status: Int32
        public var output: String
        public var succeeded: Bool { status == 0 }
    }

    public struct ClientFailure: Error, CustomStringConvertible {
        public var description: String
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> ClientResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        // A client refused at login may have exited before its batch is written: the write then
        // fails (EPIPE) instead of the broken pipe's signal ending the whole test process, and the
        // client's status and output say what happened.
        signal(SIGPIPE, SIG_IGN)
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ClientResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
