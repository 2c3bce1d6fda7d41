import ClaimsApp
import ClaimsCore
import ClaimsPipeline
import ClaimsSynthetic
import Testing
import X12
import X12Validation

/// `claimsgate validate` reports each problem at the severity the gateway applies: a warning
/// edit reads as a warning and leaves the file accepted; a rejecting one rejects it.
@Suite struct ValidationReportTests {
    static let referenceDate = CalendarDate(year: 2025, month: 12, day: 1)!

    /// A synthetic file of five claims, after `edit` changed its segments.
    static func report(_ edit: (inout [String]) -> Void) throws -> ValidationReport {
        var options = SyntheticFileOptions(claims: 5, seed: 3)
        options.referenceDate = referenceDate
        var segments = String(decoding: try SyntheticClaimFile(options).bytes(), as: UTF8.self)
            .split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        edit(&segments)
        let assessment = try FileAssessor(identity: GatewayIdentity(qualifier: "ZZ", id: "CLAIMSGATE"), checksRouting: false)
            .assess(
                X12Source(bytes: Array(segments.joined(separator: "~").utf8)), partner: .anySender,
                receivedDate: referenceDate)
        return ValidationReport(file: "five.x12", assessment: assessment)
    }

    /// Every diagnosis of the first claim is pointed at by its first line, so that only what a
    /// test adds can fire SVC-015.
    static func pointEveryDiagnosis(_ segments: inout [String]) {
        let clm = segments.firstIndex { $0.hasPrefix("CLM*") }!
        let hi = segments[clm...].firstIndex { $0.hasPrefix("HI*") }!
        let sv1 = segments[clm...].firstIndex { $0.hasPrefix("SV1*") }!
        let diagnoses = segments[hi].split(separator: "*").count - 1
        var fields = segments[sv1].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        fields[7] = (1...min(diagnoses, 4)).map(String.init).joined(separator: ":")
        segments[sv1] = fields.joined(separator: "*")
        segments[hi] = "HI*" + segments[hi].split(separator: "*").dropFirst().prefix(4).joined(separator: "*")
    }

    @Test func everyProblemCarriesItsEditsSeverity() throws {
        let report = try Self.report { _ in }
        for problem in report.problems {
            let edit = try #require(EditCatalog.edit(problem.editID))
            #expect(problem.level == edit.defaultSeverity.rawValue, "\(problem.editID)")
        }
        #expect(report.accepted == !report.problems.contains { $0.level == "reject" })
    }

    @Test func anUnreferencedDiagnosisIsAWarningAndTheFileStaysAccepted() throws {
        let clean = try Self.report(Self.pointEveryDiagnosis)
        let firstClaim = try Self.report { segments in
            Self.pointEveryDiagnosis(&segments)
            let hi = segments.firstIndex { $0.hasPrefix("HI*") }!
            segments[hi] += "*ABF:J069"
        }
        let added = firstClaim.problems.filter { $0.editID == "SVC-015" }.count
            - clean.problems.filter { $0.editID == "SVC-015" }.count
        #expect(added == 1)
        let warning = try #require(firstClaim.problems.first { $0.editID == "SVC-015" })
        #expect(warning.level == "warning")
        #expect(warning.acknowledgment == "277CA A8:255")
        #expect(firstClaim.accepted == clean.accepted)
        #expect(firstClaim.text.contains("warning: [SVC-015]"))
        #expect(firstClaim.acceptedClaims == clean.acceptedClaims)
    }

    @Test func aChargeMismatchRejectsTheClaimAndTheFile() throws {
        let report = try Self.report { segments in
            let clm = segments.firstIndex { $0.hasPrefix("CLM*") }!
            var fields = segments[clm].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            fields[2] = (Amount(fields[2])! + Amount(cents: 100)).description
            segments[clm] = fields.joined(separator: "*")
        }
        let rejection = try #require(report.problems.first { $0.editID == "CLM-004" })
        #expect(rejection.level == "reject")
        #expect(!report.accepted)
        #expect(report.acceptedClaims == report.claims - 1)
        #expect(report.text.hasPrefix("five.x12: rejected"))
    }
}
