import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import Testing

/// `generate --labelled`: still a guide-valid 837P, labels for every claim, deterministic.
@Suite struct LabelledGenerationTests {
    @Test func labelledFileIsGuideValidByPyx12() throws {
        let directory = try TemporaryDirectory()
        // Enough claims that every pattern, duplicates included, is planted somewhere.
        let data = try RiskFixtures.writeFile(claims: 600, seed: 12, labelled: true, in: directory.url)
        var options = SyntheticFileOptions(claims: 600, seed: 12)
        options.labelled = true
        let truth = try SyntheticClaimFile(options).groundTruth
        let planted = Set((0..<600).flatMap { truth.claim(at: $0).patterns })
        #expect(planted == Set(RiskPattern.allCases))
        let verdict = try Pyx12.validate(data.file)
        #expect(verdict.isValid, "\(verdict.errors.prefix(5))")
    }

    @Test func labelsCoverEveryClaimAndRepeatForTheSeed() throws {
        let directory = try TemporaryDirectory()
        let first = try RiskFixtures.writeFile(claims: 300, seed: 5, labelled: true, in: directory.url, name: "a.x12")
        let second = try RiskFixtures.writeFile(claims: 300, seed: 5, labelled: true, in: directory.url, name: "b.x12")
        let labels = try String(contentsOf: first.labels, encoding: .utf8)
        #expect(labels == (try String(contentsOf: second.labels, encoding: .utf8)))
        #expect(try Data(contentsOf: first.file) == Data(contentsOf: second.file))
        let rows = labels.split(separator: "\n").dropFirst()
        #expect(rows.count == 300)
        #expect(Set(rows.map { $0.split(separator: ",")[0] }).count == 300)
        let denied = rows.count { $0.split(separator: ",")[1] == "1" }
        #expect((15...150).contains(denied), "\(denied) of 300 denied")
    }

    @Test func unlabelledFilesAreUnchangedByTheOption() throws {
        let plain = try SyntheticClaimFile(SyntheticFileOptions(claims: 50, seed: 9)).bytes()
        var options = SyntheticFileOptions(claims: 50, seed: 9)
        options.labelled = true
        #expect(try SyntheticClaimFile(options).bytes() != plain)
        #expect(try SyntheticClaimFile(SyntheticFileOptions(claims: 50, seed: 9)).bytes() == plain)
    }
}
