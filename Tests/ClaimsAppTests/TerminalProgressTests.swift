import ClaimsApp
import ClaimsCore
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Synchronization
import Testing

/// `claimsgate validate` shows progress on a terminal for large files, and only there.
@Suite struct TerminalProgressTests {
    @Test func drawsInPlaceThrottlesAndErases() {
        let written = Mutex<[String]>([])
        let progress = TerminalProgress(label: "big.x12", interval: .seconds(3_600)) { text in
            written.withLock { $0.append(text) }
        }
        progress.update(done: 1, total: 4)
        progress.update(done: 2, total: 4)  // within the interval of the first: skipped
        progress.update(done: 4, total: 4)  // the last is always drawn
        progress.finish()
        let lines = written.withLock { $0 }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\rbig.x12: 1/4 transaction sets judged (25%)"))
        #expect(lines[1].hasPrefix("\rbig.x12: 4/4 transaction sets judged (100%)"))
        #expect(lines[2] == "\r\u{1B}[K")
    }

    /// The real command under a pseudo-terminal (`script`) draws the line; with its output in a
    /// pipe it does not.
    @Test func validateShowsProgressOnATerminalOnly() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("large.x12")
        var options = SyntheticFileOptions(claims: 4_000, seed: 5)
        options.claimsPerTransactionSet = 1_000
        try Data(try SyntheticClaimFile(options).bytes()).write(to: file)
        let command = "\(GatewayProcess.executable.path) validate \(file.path) --root \(directory.url.path)"

        let onTerminal = try Self.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(onTerminal.contains("large.x12: 4/4 transaction sets judged (100%)"), "\(onTerminal.suffix(300))")
        #expect(onTerminal.contains("accepted"), "\(onTerminal.suffix(300))")

        let inPipe = try Self.run(GatewayProcess.executable.path, ["validate", file.path, "--root", directory.url.path])
        #expect(!inPipe.contains("transaction sets judged"))
        #expect(inPipe.contains("accepted"))
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        try SFTPTestbed.run(executable, arguments).output
    }
}
