import AuditLog
import ClaimsCrypto
import ClaimsStore
import ClaimsTestSupport
import Foundation
import Logging

/// Writes audit records into a test database through the real `AuditTrail`, and runs the real
/// `claimsgate` CLI against it.
enum AuditStoreHarness {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Records `events` through a trail on `database` and closes it (final checkpoint).
    static func write(_ events: [AuditEvent], to database: TestDatabase, ring: KeyRing) async throws {
        let trail = AuditTrail(conninfo: database.url, ring: ring, logger: quiet)
        for event in events { trail.record(event) }
        try await trail.close()
    }

    static func verify(_ database: TestDatabase, ring: KeyRing) async throws -> AuditVerification {
        let repository = AuditRepository(database: database.database)
        return try AuditVerifier(ring: ring).verify(
            records: try await repository.records(), checkpoints: try await repository.checkpoints())
    }

    /// Runs SQL as the table owner with the append-only triggers switched off: an attacker with
    /// the database owner's rights.
    static func tamper(_ database: TestDatabase, _ sql: String) async throws {
        try await database.database.withConnection { connection in
            try connection.executeScript(
                "ALTER TABLE audit_records DISABLE TRIGGER USER; \(sql); ALTER TABLE audit_records ENABLE TRIGGER USER")
        }
    }

    /// A data root whose key files hold `audit` (and a fresh PHI ring), for the CLI.
    static func root(audit: KeyRing) throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try KeyFile(url: root.url.appendingPathComponent("var/keys/audit.keys"), purpose: "audit").write(audit)
        try KeyFile(url: root.url.appendingPathComponent("var/keys/phi.keys"), purpose: "phi")
            .write(KeyRing(purpose: "phi", currentID: 1, keys: [.generate(id: 1)]))
        return root
    }

    /// `claimsgate <arguments> --root <root>` on `database`: exit status and output.
    static func cli(_ arguments: [String], root: URL, database: TestDatabase) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = GatewayProcess.executable
        process.arguments = arguments + ["--root", root.path]
        var environment = ProcessInfo.processInfo.environment
        environment["CLAIMSGATE_DATABASE_URL"] = database.url
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
