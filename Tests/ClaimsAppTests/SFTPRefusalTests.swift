import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing

/// Every refusal the SFTP endpoint promises, each against a real `serve` with real clients.
@Suite(.serialized) struct SFTPRefusalTests {
    static let partners: [SFTPTestbed.Partner] = [.init(id: "alpha"), .init(id: "beta", senderID: "BETASENDER")]

    @Test func wrongKeyIsRefused() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let result = try bed.sftp(["ls /"], as: "alpha", key: bed.key("beta"))
            #expect(!result.succeeded)
            #expect(result.output.contains("Permission denied"))
            try await bed.gateway.stop()
        }
    }

    @Test func unknownUserIsRefused() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let result = try bed.sftp(["ls /"], as: "mallory", key: bed.key("alpha"))
            #expect(!result.succeeded)
            #expect(result.output.contains("Permission denied"))
            try await bed.gateway.stop()
        }
    }

    @Test func partnerCannotListOrReadAnotherPartnersOutbox() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            try FileManager.default.createDirectory(at: bed.outbox("beta"), withIntermediateDirectories: true)
            try Data("ISA*secret".utf8).write(to: bed.outbox("beta").appendingPathComponent("beta-ack.x12"))
            let local = bed.root.url.appendingPathComponent("stolen")
            for command in [
                "ls /outbox/../../beta", "ls ../beta/outbox", "get /outbox/../beta/beta-ack.x12 \(local.path)",
                "get /beta/outbox/beta-ack.x12 \(local.path)", "get ../../var/outbox/beta/beta-ack.x12 \(local.path)",
            ] {
                let result = try bed.sftp([command], as: "alpha")
                #expect(!result.succeeded, "\(command): \(result.output)")
                let answer = result.output.split(separator: "\n").filter { !$0.hasPrefix("sftp>") }
                #expect(!answer.contains { $0.contains("beta-ack") && !$0.contains("not found") }, "\(command): \(result.output)")
            }
            #expect(!FileManager.default.fileExists(atPath: local.path))
            let own = try bed.sftp(["ls /outbox"], as: "alpha")
            #expect(own.succeeded && !own.output.contains("beta-ack"))
            try await bed.gateway.stop()
        }
    }

    @Test func uploadToDotDotPathStaysOutOfTheSystem() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let file = bed.root.url.appendingPathComponent("x")
            try IndependentFixture.write(claims: 1, to: file)
            let before = try Data(contentsOf: URL(fileURLWithPath: "/etc/passwd"))
            for target in ["../../etc/passwd", "/inbox/../../etc/passwd", "/etc/passwd", "/inbox/../../../var/x"] {
                let result = try bed.sftp(["put \(file.path) \(target)"], as: "alpha")
                #expect(!result.succeeded, "\(target): \(result.output)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: "/etc/passwd")) == before)
            #expect(GatewayProcess.files(under: bed.root.url.appendingPathComponent("var/processing")).isEmpty)
            try await bed.gateway.stop()
        }
    }

    @Test func cdSlashAndDotDotStayInsideTheRoot() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let result = try bed.sftp(["cd /", "pwd", "cd ..", "pwd", "cd ../..", "pwd", "ls", "cd /inbox", "cd ../..", "pwd"], as: "alpha")
            #expect(result.succeeded, "\(result.output)")
            let directories = result.output.split(separator: "\n").filter { $0.hasPrefix("Remote working directory:") }
            #expect(directories.count == 4)
            #expect(directories.allSatisfy { $0 == "Remote working directory: /" })
            #expect(result.output.contains("inbox") && result.output.contains("outbox"))
            #expect(!result.output.contains("etc"))
            let escape = try bed.sftp(["cd /etc"], as: "alpha")
            #expect(!escape.succeeded)
            try await bed.gateway.stop()
        }
    }

    @Test func symlinkPlantedInPartnerFolderIsNotFollowed() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let outbox = bed.outbox("alpha")
            try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: outbox.appendingPathComponent("passwd.x12"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
            try FileManager.default.createSymbolicLink(
                at: outbox.appendingPathComponent("beta"), withDestinationURL: bed.outbox("beta"))
            let local = bed.root.url.appendingPathComponent("leak")
            let listing = try bed.sftp(["ls -1 /outbox"], as: "alpha")
            #expect(!listing.output.contains("passwd.x12"))
            for command in ["get /outbox/passwd.x12 \(local.path)", "ls /outbox/beta", "rm /outbox/passwd.x12"] {
                let result = try bed.sftp([command], as: "alpha")
                #expect(!result.succeeded, "\(command): \(result.output)")
            }
            #expect(!FileManager.default.fileExists(atPath: local.path))
            #expect(FileManager.default.fileExists(atPath: "/etc/passwd"))
            try await bed.gateway.stop()
        }
    }

    @Test func uploadWithAnotherPartnersSenderIsRefusedAndQuarantined() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let file = bed.root.url.appendingPathComponent("foreign.x12")
            try IndependentFixture.write(claims: 2, to: file)  // ISA06 DEMOSUBMITTER: not beta's
            let result = try bed.sftp(["put \(file.path) /inbox/foreign.x12"], as: "beta")
            #expect(!result.succeeded)
            #expect(result.output.contains("Failure") || result.output.contains("refused"), "\(result.output)")
            #expect(GatewayProcess.files(under: bed.inbox("beta")).isEmpty)
            let quarantined = GatewayProcess.files(under: bed.quarantine)
            let kept = try #require(quarantined.first { $0.hasSuffix("_foreign.x12") })
            #expect(try Data(contentsOf: bed.quarantine.appendingPathComponent(kept)) == Data(contentsOf: file))
            let record = try String(contentsOf: bed.quarantine.appendingPathComponent(kept + ".error.json"), encoding: .utf8)
            #expect(record.contains("\"code\" : \"sender-not-partner\""))
            #expect(record.contains("\"partner\" : \"beta\""))
            #expect(bed.gateway.log.contains("sftp upload refused"))
            #expect(try await FileRepository(database: database.database).files(inState: Set(FileState.allCases)).isEmpty)
            try await bed.gateway.stop()
        }
    }

    @Test func uploadKilledHalfWayNeverReachesThePipelineAndResumeCompletesIt() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: Self.partners)
            let file = bed.root.url.appendingPathComponent("big.x12")
            try IndependentFixture.write(claims: 400, to: file)
            let client = try await bed.stalledUpload(file, as: "alpha", name: "big.x12")
            kill(client.processIdentifier, SIGKILL)
            client.waitUntilExit()
            // The half-written upload exists only under its hidden name.
            let names = try FileManager.default.contentsOfDirectory(atPath: bed.inbox("alpha").path)
            #expect(names == [".big.x12.part"])
            let files = FileRepository(database: database.database)
            #expect(try await files.files(inState: Set(FileState.allCases)).isEmpty)

            let resumed = try bed.sftp(["put -a \(file.path) /inbox/big.x12"], as: "alpha")
            #expect(resumed.succeeded, "\(resumed.output)")
            try await database.waitUntilArchived(["big.x12"])
            let record = try #require(try await files.files(inState: [.archived]).first)
            #expect(try await ClaimRepository(database: database.database).claimCount(fileID: record.id) == 400)
            try await bed.gateway.stop()
        }
    }

    @Test func repeatedFailuresBanTheAddress() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(
                databaseURL: database.url, partners: Self.partners,
                sftpSettings: ["ban: { max_failures: 3, window_seconds: 60, ban_seconds: 600 }"])
            for _ in 0..<3 {
                #expect(!(try bed.sftp(["ls /"], as: "alpha", key: bed.key("beta")).succeeded))
            }
            let banned = try bed.sftp(["ls /"], as: "alpha")
            #expect(!banned.succeeded, "the right key after the ban: \(banned.output)")
            #expect(bed.gateway.log.contains("sftp address banned"))
            try await bed.gateway.stop()
        }
    }

    @Test func silentTCPPeerIsCutAtTheLoginDeadline() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(
                databaseURL: database.url, partners: Self.partners, sftpSettings: ["login_timeout_seconds: 1"])
            // Reads the server's banner, sends nothing, and waits (30 s at most) for the server to hang up.
            let script = """
                import socket, sys
                s = socket.create_connection(("127.0.0.1", \(bed.port)))
                s.settimeout(30)
                banner = s.recv(256)
                while s.recv(256):
                    pass
                print("closed" if banner.startswith(b"SSH-2.0-") else "no banner")
                """
            let result = try SFTPTestbed.run("/usr/bin/env", ["python3", "-c", script])
            #expect(result.succeeded, "\(result.output)")
            #expect(result.output.contains("closed"))
            #expect(try bed.sftp(["ls /"], as: "alpha").succeeded, "the server still serves others")
            try await bed.gateway.stop()
        }
    }
}
