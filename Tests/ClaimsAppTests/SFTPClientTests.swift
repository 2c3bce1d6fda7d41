import ClaimsStore
import ClaimsTestSupport
import Foundation
import Testing

/// Real clients against a real `serve`: each uploads an 837P that becomes a processed file, then
/// downloads its 999 and 277CA from `/outbox` and deletes them.
@Suite(.serialized) struct SFTPClientTests {
    @Test func opensshSFTPPutsListsRenamesGetsAndRemoves() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: [.init(id: "demo")])
            let file = bed.root.url.appendingPathComponent("local.x12")
            try IndependentFixture.write(claims: 5, to: file)
            // Upload under a name the watcher ignores, then rename (WinSCP-style).
            let upload = try bed.sftp(
                ["put \(file.path) /inbox/batch1.x12.filepart", "rename /inbox/batch1.x12.filepart /inbox/batch1.x12", "ls /inbox"],
                as: "demo")
            #expect(upload.succeeded, "\(upload.output)")
            try await database.waitUntilArchived(["batch1.x12"])

            let listing = try bed.sftp(["ls -1 /outbox"], as: "demo")
            let acks = listing.output.split(separator: "\n").map(String.init).filter { $0.contains("_batch1.x12_") }
            #expect(acks.count == 2, "\(listing.output)")
            let local = bed.root.url.appendingPathComponent("downloads")
            try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
            let names = acks.map { ($0 as NSString).lastPathComponent }
            let fetch = try bed.sftp(names.map { "get /outbox/\($0) \(local.path)/\($0)" } + names.map { "rm /outbox/\($0)" }, as: "demo")
            #expect(fetch.succeeded, "\(fetch.output)")
            for name in names {
                let downloaded = try Data(contentsOf: local.appendingPathComponent(name))
                #expect(downloaded.starts(with: Data("ISA".utf8)))
            }
            #expect(GatewayProcess.files(under: bed.outbox("demo")).isEmpty)
            try await bed.gateway.stop()
        }
    }

    @Test func curlUploadsAndDownloads() async throws {
        let protocols = try SFTPTestbed.run("/usr/bin/curl", ["-V"]).output
        try #require(protocols.contains("sftp"), "this curl has no sftp support")
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: [.init(id: "demo")])
            let file = bed.root.url.appendingPathComponent("curl.x12")
            try IndependentFixture.write(claims: 4, to: file)
            let upload = try bed.curlUpload(file, as: "demo", name: "curl.x12")
            #expect(upload.succeeded, "\(upload.output)")
            try await database.waitUntilArchived(["curl.x12"])
            let ack = try #require(GatewayProcess.files(under: bed.outbox("demo")).first { $0.hasSuffix("_curl.x12_999.x12") })
            let local = bed.root.url.appendingPathComponent("ack.x12")
            let download = try bed.curlDownload(ack, as: "demo", to: local)
            #expect(download.succeeded, "\(download.output)")
            #expect(try Data(contentsOf: local) == Data(contentsOf: bed.outbox("demo").appendingPathComponent(ack)))
            try await bed.gateway.stop()
        }
    }

    @Test func paramikoRoundTripAndPasswordSetWhileRunning() async throws {
        try await TestDatabase.with { database in
            let bed = try await SFTPTestbed(databaseURL: database.url, partners: [.init(id: "demo")])
            let file = bed.root.url.appendingPathComponent("pm.x12")
            try IndependentFixture.write(claims: 6, to: file)
            let out = bed.root.url.appendingPathComponent("pm-out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let result = try bed.paramiko(
                "roundtrip",
                ["--user", "demo", "--key", bed.key("demo").path, "--file", file.path, "--name", "pm.x12", "--out", out.path])
            #expect(result.succeeded, "\(result.output)")
            #expect(result.output.contains("\"left\": []"))
            #expect(GatewayProcess.files(under: out).count == 2)

            // A password set with the CLI while serve runs is accepted without a restart.
            let passwd = try SFTPTestbed.run(
                GatewayProcess.executable.path, ["partners", "passwd", "demo", "--root", bed.root.url.path],
                input: "a long enough secret\n")
            #expect(passwd.succeeded, "\(passwd.output)")
            #expect(try !String(contentsOf: bed.root.url.appendingPathComponent("Config/partners.yaml"), encoding: .utf8)
                .contains("a long enough secret"))
            try await waitUntil("the password to be accepted", timeout: .seconds(30)) {
                try bed.paramiko("password-ls", ["--user", "demo"], input: "a long enough secret\n").succeeded
            }
            #expect(try !bed.paramiko("password-ls", ["--user", "demo"], input: "a wrong guess here\n").succeeded)
            try await bed.gateway.stop()
        }
    }
}
