import ClaimsCore
import ClaimsSynthetic
import Dispatch
import X12
import X12Validation

/// Measures the business edits on synthetic claims against parsing the same claims, in one run,
/// so the figure is a ratio that does not depend on the machine.
public enum EditBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var claims: Int
        public var edits: Int
        public var parseSeconds: Double
        public var validateSeconds: Double
        public var rejectingFindings: Int

        public var description: String {
            let perClaim = validateSeconds / Double(max(claims, 1)) * 1_000_000
            return """
                claims: \(claims), business edits: \(edits)
                parse (tokenize + loop walk + typed claims): \(format(parseSeconds)) s
                business edits: \(format(validateSeconds)) s (\(format(perClaim)) µs per claim)
                edits / parse: \(format(validateSeconds / parseSeconds))
                rejecting findings: \(rejectingFindings)
                """
        }

        /// Three decimals without Foundation's formatter.
        func format(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
    }

    /// Generates `claims` synthetic claims, parses them (timed), then runs every business edit on
    /// the parsed sets (timed). Code sets are loaded before timing starts.
    public static func run(claims: Int, seed: UInt64 = 1) throws -> Result {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.referenceDate = CalendarDate(year: 2025, month: 12, day: 1)
        let bytes = try SyntheticClaimFile(options).bytes()
        let validator = ClaimValidator(rules: BusinessEdits.rules, codeSets: .standard)
        let parser = ClaimParser()

        let parseStart = DispatchTime.now().uptimeNanoseconds
        var parsedSets: [ParsedTransactionSet] = []
        for (interchangeIndex, interchange) in try InterchangeReader.read(X12Source(bytes: bytes)).enumerated() {
            for (groupIndex, group) in interchange.groups.enumerated() {
                for (setIndex, set) in group.transactionSets.enumerated() {
                    parsedSets.append(parser.parse(set, interchange: interchangeIndex, group: groupIndex, transactionSet: setIndex))
                }
            }
        }
        let parseEnd = DispatchTime.now().uptimeNanoseconds
        var rejecting = 0
        let profile = ValidationProfile()
        for index in parsedSets.indices {
            rejecting += validator.findings(for: &parsedSets[index], receivedDate: options.referenceDate!, profile: profile)
                .count { $0.severity == .reject }
        }
        let validateEnd = DispatchTime.now().uptimeNanoseconds
        return Result(
            claims: parsedSets.reduce(0) { $0 + $1.claims.count }, edits: BusinessEdits.rules.count,
            parseSeconds: Double(parseEnd - parseStart) / 1e9, validateSeconds: Double(validateEnd - parseEnd) / 1e9,
            rejectingFindings: rejecting)
    }
}
