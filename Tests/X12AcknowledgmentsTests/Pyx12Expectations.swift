import ClaimsTestSupport
import Testing

/// Runs pyx12 on an acknowledgment and records its findings as test failures.
///
/// Only 999 and 277CA interchanges come here: our TA1s travel alone, and pyx12 cannot validate a
/// TA1-only interchange, so TA1s are checked by our own tests only.
func expectValidByPyx12(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let verdict = try Pyx12.validate(bytes: bytes)
    #expect(verdict.errors == [], sourceLocation: sourceLocation)
    #expect(verdict.isValid, sourceLocation: sourceLocation)
}
