import Foundation
import ClaimsCore
import ClaimsSynthetic
import Dispatch
import X12
import X12Validation

/// Parsing alone versus parsing with SNIP 1–2 validation in the same walk, on one synthetic file
/// (default 100,000 claims). Prints both times and their ratio; run in release mode:
/// `swift run -c release validation-benchmark [claims]`.
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
var parseTimes: [Double] = []
var validateTimes: [Double] = []
for _ in 0..<3 {
    let (parse, parsed) = seconds { sets.reduce(0) { $0 + parser.parse($1, interchange: 0, group: 0, transactionSet: 0).claims.count } }
    let (validate, findings) = seconds {
        sets.reduce(0) { $0 + validator.validate($1, interchange: 0, group: 0, transactionSet: 0).findings.count }
    }
    precondition(parsed == claims, "parsed \(parsed) claims")
    precondition(findings == 0, "the synthetic file should be clean, got \(findings) findings")
    parseTimes.append(parse)
    validateTimes.append(validate)
}
let parse = parseTimes.min()!
let validate = validateTimes.min()!
print("claims: \(claims), bytes: \(source.bytes.count)")
print("parse only:          \(String(format: "%.3f", parse)) s")
print("parse + validation:  \(String(format: "%.3f", validate)) s")
print("ratio:               \(String(format: "%.2f", validate / parse))x (budget 2.00x)")
