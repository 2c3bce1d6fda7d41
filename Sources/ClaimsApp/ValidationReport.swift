import ClaimsPipeline
import Foundation
import X12
import X12Validation

/// What `claimsgate validate` prints: one entry per problem, located the way a biller finds it
/// in the file (interchange, group, transaction set, segment position, claim), without data values.
public struct ValidationReport: Encodable, Sendable {
    public struct Problem: Encodable, Sendable {
        public var editID: String
        public var level: String
        public var location: String
        /// CLM01 of the claim concerned, when one.
        public var claim: String?
        public var acknowledgment: String
        public var reason: String
    }

    public var file: String
    public var accepted: Bool
    public var interchanges: Int
    public var transactionSets: Int
    public var claims: Int
    public var acceptedClaims: Int
    public var problems: [Problem]

    public init(file: String, assessment: FileAssessment) {
        self.file = file
        interchanges = assessment.interchanges.count
        transactionSets = assessment.interchanges.flatMap(\.groups).flatMap(\.transactionSets).count
        claims = assessment.claimCount
        acceptedClaims = assessment.acceptedClaimCount
        var problems: [Problem] = []
        for (i, interchange) in assessment.interchanges.enumerated() {
            let isa = "ISA \(i + 1) (ISA13 \(interchange.interchange.header.controlNumber))"
            for issue in interchange.issues {
                problems.append(
                    Problem(
                        editID: "ENV", level: issue.rejectsInterchange ? "reject" : "warning", location: isa, claim: nil,
                        acknowledgment: "TA1 \(issue.rejectsInterchange ? "R" : "E")/\(issue.ta1NoteCode)",
                        reason: issue.reason))
            }
            for group in interchange.groups {
                let gs = "\(isa), GS06 \(group.group.controlNumber)"
                for issue in group.group.issues {
                    problems.append(
                        Problem(
                            editID: "GRP", level: "reject", location: gs, claim: nil,
                            acknowledgment: "999 AK905=\(issue.ak905Code)", reason: issue.reason))
                }
                for set in group.transactionSets {
                    let st = "\(gs), ST02 \(set.set.controlNumber)"
                    for issue in set.set.issues {
                        problems.append(
                            Problem(
                                editID: "TS", level: "reject", location: st, claim: nil,
                                acknowledgment: "999 IK5 R/\(issue.ik502Code)", reason: issue.reason))
                    }
                    for finding in set.verdict.findings {
                        let claim = finding.claimIndex.flatMap { set.parsed?.claims[$0].patientControlNumber }
                        problems.append(
                            Problem(
                                editID: finding.editID, level: "reject",
                                location: "\(st), segment \(finding.position) \(finding.segmentID), loop \(finding.loopID)",
                                claim: claim, acknowledgment: "999 IK3 \(finding.segmentCode)", reason: finding.message))
                    }
                }
            }
        }
        self.problems = problems
        accepted = problems.allSatisfy { $0.level != "reject" }
    }

    /// Compiler-style text: a summary line, then one line per problem.
    public var text: String {
        var lines = [
            "\(file): \(accepted ? "accepted" : "rejected") — \(interchanges) interchange(s), \(transactionSets) transaction set(s), \(acceptedClaims)/\(claims) claim(s) accepted"
        ]
        for problem in problems {
            let claim = problem.claim.map { ", claim \($0)" } ?? ""
            lines.append(
                "\(file): \(problem.level) [\(problem.editID)] \(problem.location)\(claim): \(problem.reason) (\(problem.acknowledgment))")
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
