import Foundation
import ClaimsCore
import ClaimsSynthetic
import Dispatch
import X12
import X12Validation

/// Parsing alone, parsing with SNIP 1–2 validation in the same walk, and that plus the business
/// edits (SNIP 3–7), on one synthetic file (default 100,000 claims), on one core. Prints the times
/// and their ratios; run in release mode: `swift run -c release validation-benchmark [claims]`.
/// Small enough for `valgrind --tool=callgrind`, whose instruction counts, unlike times, do not
/// move with the load of a shared machine.
let claims = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let file = try SyntheticClaimFile(SyntheticFileOptions(claims: claims, seed: 7))
let source = X12Source(bytes: file.bytes())
let sets = try InterchangeReader.read(source).flatMap(\.groups).flatMap(\.transactionSets)

func seconds(_ work: () -> Int) -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = work()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
}

let parser = ClaimParser()
let validator = TransactionSetValidator()
let claimValidator = ClaimValidator(rules: BusinessEdits.rules)
let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
let receivedDate = CalendarDate(year: today.year!, month: today.month!, day: today.day!)!
var parseTimes: [Double] = []
var validateTimes: [Double] = []
var editTimes: [Double] = []
for _ in 0..<3 {
    let (parse, parsed) = seconds { sets.reduce(0) { $0 + parser.parse($1, interchange: 0, group: 0, transactionSet: 0).claims.count } }
    let (validate, findings) = seconds {
        sets.reduce(0) { $0 + validator.validate($1, interchange: 0, group: 0, transactionSet: 0).findings.count }
    }
    let (edits, _) = seconds {
        sets.reduce(0) { count, set in
            var (parsed, _) = validator.validate(set, interchange: 0, group: 0, transactionSet: 0)
            return count + claimValidator.findings(for: &parsed, receivedDate: receivedDate, profile: ValidationProfile()).count
        }
    }
    precondition(parsed == claims, "parsed \(parsed) claims")
    precondition(findings == 0, "the synthetic file should be clean, got \(findings) findings")
    parseTimes.append(parse)
    validateTimes.append(validate)
    editTimes.append(edits)
}
let parse = parseTimes.min()!
let validate = validateTimes.min()!
let edits = editTimes.min()!
print("claims: \(claims), bytes: \(source.bytes.count)")
print("parse only:          \(String(format: "%.3f", parse)) s")
print("parse + validation:  \(String(format: "%.3f", validate)) s")
print("ratio:               \(String(format: "%.2f", validate / parse))x (budget 2.00x)")
print("+ business edits:    \(String(format: "%.3f", edits)) s (\(String(format: "%.0f", Double(claims) / edits)) claims/s)")
