import ClaimsPipeline
import Foundation
import X12
import X12Validation

/// What `claimsgate validate` prints: one entry per problem, located the way a biller finds it in
/// the file (interchange, group, transaction set, segment position, loop, element, claim), with
/// the catalog edit, the reason and the fix, and no data values (no PHI).
public struct ValidationReport: Encodable, Sendable {
    public struct Problem: Encodable, Sendable {
        /// Catalog id (`SEG-008`, `SUB-013`); `claimsgate rules` explains it.
        public var editID: String
        public var snip: Int?
        /// `reject` or `warning`.
        public var level: String
        /// ISA13, GS06 and ST02 of the enclosing envelopes, as far as they apply.
        public var interchange: String
        public var group: String?
        public var transactionSet: String?
        /// Segment ordinal counted from ST = 1 (the 999's IK302).
        public var segmentPosition: Int?
        public var segment: String?
        public var loop: String?
        /// The element (`NM108`, `CLM05-3`), when the problem is inside a segment.
        public var element: String?
        /// CLM01 of the claim concerned, when one.
        public var claim: String?
        public var acknowledgment: String
        public var reason: String
        public var fix: String?
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
        for interchange in assessment.interchanges {
            let isa = interchange.interchange.header.controlNumber
            func problem(_ editID: String, level: String, acknowledgment: String, reason: String) -> Problem {
                let edit = EditCatalog.edit(editID)
                return Problem(
                    editID: editID, snip: edit?.snip, level: level, interchange: isa, acknowledgment: acknowledgment,
                    reason: reason, fix: edit?.fixHint)
            }
            for issue in interchange.issues {
                problems.append(
                    problem(
                        issue.editID, level: issue.rejectsInterchange ? "reject" : "warning",
                        acknowledgment: "TA1 \(issue.rejectsInterchange ? "R" : "E")/\(issue.ta1NoteCode)", reason: issue.reason))
            }
            for group in interchange.groups {
                for issue in group.group.issues {
                    var entry = problem(issue.editID, level: "reject", acknowledgment: "999 AK905=\(issue.ak905Code)", reason: issue.reason)
                    entry.group = group.group.controlNumber
                    problems.append(entry)
                }
                for set in group.transactionSets {
                    func located(_ entry: Problem) -> Problem {
                        var entry = entry
                        entry.group = group.group.controlNumber
                        entry.transactionSet = set.set.controlNumber
                        return entry
                    }
                    for issue in set.set.issues {
                        problems.append(
                            located(problem(issue.editID, level: "reject", acknowledgment: "999 IK5 R/\(issue.ik502Code)", reason: issue.reason)))
                    }
                    for finding in set.verdict.findings {
                        let claim = finding.claimIndex.flatMap { set.parsed?.claims[$0].patientControlNumber }
                        func place(_ entry: Problem) -> Problem {
                            var entry = located(entry)
                            entry.segmentPosition = finding.position
                            entry.segment = finding.segmentID.description
                            entry.loop = finding.loopID
                            entry.claim = claim
                            return entry
                        }
                        guard !finding.elements.isEmpty else {
                            problems.append(
                                place(problem(finding.editID, level: "reject", acknowledgment: "999 IK3 \(finding.segmentCode)", reason: finding.message)))
                            continue
                        }
                        for element in finding.elements {
                            let editID = element.editID ?? finding.editID
                            var entry = place(
                                problem(
                                    editID, level: "reject", acknowledgment: "999 IK3 \(finding.segmentCode) IK4 \(element.code)",
                                    reason: EditCatalog.edit(editID)?.description ?? finding.message))
                            entry.element = Self.elementName(finding.segmentID, element)
                            problems.append(entry)
                        }
                    }
                    for claimFinding in set.verdict.claimFindings {
                        var entry = located(
                            problem(
                                claimFinding.edit.id, level: claimFinding.severity.rawValue,
                                acknowledgment: claimFinding.edit.outcome.summary, reason: claimFinding.message))
                        entry.claim = set.parsed?.claims[claimFinding.claimIndex].patientControlNumber
                        entry.segmentPosition = set.parsed?.claims[claimFinding.claimIndex].position.segmentPosition
                        entry.segment = "CLM"
                        entry.loop = claimFinding.lineNumber == nil ? "2300" : "2400"
                        entry.element = claimFinding.lineNumber.map { "LX \($0)" }
                        problems.append(entry)
                    }
                }
            }
        }
        self.problems = problems
        accepted = problems.allSatisfy { $0.level != "reject" }
    }

    /// `NM108`, `CLM05-3`.
    static func elementName(_ segment: SegmentID, _ element: ElementFinding) -> String {
        let position = element.position < 10 ? "0\(element.position)" : "\(element.position)"
        return "\(segment)\(position)" + (element.component.map { "-\($0)" } ?? "")
    }

    /// Compiler-style text: a summary line, then per problem its location, edit, reason and fix.
    public var text: String {
        var lines = [
            "\(file): \(accepted ? "accepted" : "rejected") — \(interchanges) interchange(s), \(transactionSets) transaction set(s), \(acceptedClaims)/\(claims) claim(s) accepted"
        ]
        for problem in problems {
            var place = ["ISA13 \(problem.interchange)"]
            if let group = problem.group { place.append("GS06 \(group)") }
            if let set = problem.transactionSet { place.append("ST02 \(set)") }
            if let position = problem.segmentPosition { place.append("segment \(position)") }
            var what = problem.element ?? problem.segment ?? ""
            if let loop = problem.loop { what += " in loop \(loop)" }
            if let claim = problem.claim { what += ", claim \(claim)" }
            lines.append("\(file):\(place.joined(separator: ":")): \(problem.level): [\(problem.editID)] \(what.isEmpty ? "" : what + ": ")\(problem.reason) (\(problem.acknowledgment))")
            if let fix = problem.fix { lines.append("    fix: \(fix)") }
        }
        return lines.joined(separator: "\n")
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
