/// A deliberate difference between claimsgate's findings and pyx12's on the same input, with the
/// reason. Listed in docs/RULES.md; the parity test ignores pyx12 errors these cover.
public struct Pyx12Difference: Sendable {
    /// Text that identifies the pyx12 error message.
    public let pyx12Message: String
    public let reason: String

    /// Every known difference.
    public static let all: [Pyx12Difference] = [
        Pyx12Difference(
            pyx12Message: "is not a valid code for Attachment Transmission Code (PWK02)",
            reason: "pyx12 matches a DME certificate indicator PWK*CT (PWK02 AB/AD/AF/AG/NS) to the line supplemental PWK, which comes first in 2400, and rejects its PWK02. claimsgate tells the two PWK segments apart by PWK02 and accepts the TR3 oxygen example (x12-samples ig-oxygen-dme.edi)."),
        Pyx12Difference(
            pyx12Message: "Mandatory segment \"Billing Provider City, State, ZIP Code\" (N4) missing",
            reason: "When N4 comes before N3, pyx12 reports N4 missing and N3 unexpected; claimsgate reports the N4 as out of sequence (IK304 7) at its own position, which is what the sender has to fix."),
    ]
}
