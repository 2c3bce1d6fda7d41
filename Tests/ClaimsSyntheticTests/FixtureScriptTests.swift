import ClaimsCore
import ClaimsTestSupport
import Foundation
import Testing
import X12

/// The independent Python fixture generator (`Tests/Fixtures/make_837p.py`) must itself write
/// files pyx12 accepts, or the gateway's acceptance test would test the fixture, not the gateway.
@Suite struct FixtureScriptTests {
    static let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/make_837p.py")

    static func run(_ arguments: [String], into directory: TemporaryDirectory) throws -> URL {
        let output = directory.url.appendingPathComponent("fixture.837")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--out", output.path] + arguments
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return output
    }

    @Test func thousandClaimFileIsValid() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.run(["--claims", "1000"], into: directory)
        let verdict = try Pyx12.validate(url)
        #expect(verdict.errors == [])
        #expect(verdict.isValid)

        let parsed = try GeneratedFile([UInt8](Data(contentsOf: url)))
        #expect(parsed.claims.count == 1000)
        #expect(parsed.transactionSetCount == 3)
        #expect(parsed.interchanges.first?.header.senderID == "DEMOSUBMITTER")
        #expect(parsed.interchanges.first?.header.receiverID == "CLAIMSGATE")
        #expect(parsed.claims.allSatisfy { $0.total == $0.lineCharges.compactMap { $0 }.reduce(.zero, +) })
    }

    @Test func badSE01BreaksOnlyTheChosenSet() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.run(["--claims", "60", "--bad-se01-st", "2"], into: directory)
        let sets = try GeneratedFile([UInt8](Data(contentsOf: url))).interchanges.flatMap(\.groups)
            .flatMap(\.transactionSets)
        #expect(sets.map(\.issues) == [[], [.segmentCountMismatch], []])
        let verdict = try Pyx12.validate(url)
        #expect(!verdict.isValid)
        #expect(verdict.errors.count == 1)
    }
}
