import ClaimsCore
import ClaimsPipeline
import ClaimsRisk
import Foundation
import X12
import X12Validation

/// Labelled claims from 837P files and a CSV of payer decisions by patient control number
/// (`patient_control_number,denied[,…]`, header first, `1`/`0` or `true`/`false`), in file order.
public enum RiskTrainingData {
    public enum Failure: Error, CustomStringConvertible {
        case notX12(String, String)
        case badLabels(String)

        public var description: String {
            switch self {
            case .notX12(let file, let reason): "\(file) is not X12: \(reason)"
            case .badLabels(let reason): "labels: \(reason)"
            }
        }
    }

    /// Claims of `files` (in order) that have a decision in `labels`; unlabelled claims are skipped.
    public static func load(claimFiles files: [URL], labels: URL) throws -> [LabelledClaim] {
        let decisions = try readLabels(labels)
        let assessor = FileAssessor(identity: GatewayIdentity(), checksRouting: false)
        var claims: [LabelledClaim] = []
        for file in files {
            let source = X12Source(bytes: [UInt8](try Data(contentsOf: file)))
            let assessment: FileAssessment
            do {
                assessment = try assessor.assess(
                    source, partner: .anySender, receivedDate: CalendarDate(year: 9999, month: 12, day: 31)!)
            } catch {
                throw Failure.notX12(file.lastPathComponent, error.reason)
            }
            for set in assessment.interchanges.flatMap(\.groups).flatMap(\.transactionSets) {
                guard let parsed = set.parsed else { continue }
                let warnings = Dictionary(grouping: set.verdict.claimFindings.filter { $0.severity == .warning }, by: \.claimIndex)
                for (index, claim) in parsed.claims.enumerated() {
                    guard let denied = decisions[claim.patientControlNumber] else { continue }
                    claims.append(
                        LabelledClaim(
                            claim: claim, submittedOn: parsed.header.creationDate,
                            validationWarnings: warnings[index]?.count ?? 0, denied: denied))
                }
            }
        }
        return claims
    }

    static func readLabels(_ url: URL) throws -> [String: Bool] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var decisions: [String: Bool] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if number == 0, fields.first == "patient_control_number" { continue }
            guard fields.count >= 2 else { throw Failure.badLabels("line \(number + 1) has fewer than two fields") }
            switch fields[1].lowercased() {
            case "1", "true", "denied", "rejected": decisions[String(fields[0])] = true
            case "0", "false", "paid", "accepted": decisions[String(fields[0])] = false
            default: throw Failure.badLabels("line \(number + 1): the decision must be 1 or 0")
            }
        }
        return decisions
    }
}
