/// A deliberate difference between claimsgate's findings and pyx12's on the same input, with the
/// reason. Listed in docs/RULES.md; the parity test ignores pyx12 errors these cover.
public struct Pyx12Difference: Sendable {
    /// Text that identifies the pyx12 error message; nil for a difference in how errors are
    /// located or cascaded, which the parity test allows for by rule rather than by message.
    public let pyx12Message: String?
    /// What pyx12 reports, for docs/RULES.md.
    public let pyx12Behaviour: String
    public let reason: String
    /// The sample file the difference shows in, when it is specific to one.
    public let file: String?

    init(pyx12Message: String?, pyx12Behaviour: String, reason: String, file: String? = nil) {
        self.pyx12Message = pyx12Message
        self.pyx12Behaviour = pyx12Behaviour
        self.reason = reason
        self.file = file
    }

    /// Whether this difference explains pyx12 `message` on the file named `name`.
    public func covers(_ message: String, in name: String) -> Bool {
        guard let pyx12Message, message.contains(pyx12Message) else { return false }
        return file.map { $0 == name } ?? true
    }

    /// Every known difference.
    public static let all: [Pyx12Difference] = [
        Pyx12Difference(
            pyx12Message: nil,
            pyx12Behaviour: "claim status codes 772, 773 and 796 (STC01-2) refused as not valid codes",
            reason: "pyx12's list of claim status codes predates them. So that every 277CA passes pyx12, claimsgate reports the nearest older codes instead: 254/255 (principal/other diagnosis code) where 772 (greatest specificity) fits, 187 (dates of service) for 773 (one calendar year per claim), 454 (procedure code) for 796 (procedure not valid for the date of service)."),
        Pyx12Difference(
            pyx12Message: "is not a valid code for Claim or Encounter Identifier (BHT06)",
            pyx12Behaviour: "BHT06 31 (subrogation demand) is not a valid code for Claim or Encounter Identifier",
            reason: "pyx12's 837P map lists CH and RP only; 005010X222A1 added 31 for the subrogation demands a state Medicaid agency sends with its pay-to plan (2010AC), as pyx12's own 837I map has it. claimsgate accepts 31."),
        Pyx12Difference(
            pyx12Message: "is not a valid code for Attachment Transmission Code (PWK02)",
            pyx12Behaviour: "PWK02 (AD) is not a valid code for Attachment Transmission Code on PWK*CT",
            reason: "pyx12 matches a DME certificate indicator PWK*CT (PWK02 AB/AD/AF/AG/NS) to the line supplemental PWK, which comes first in 2400, and rejects its PWK02. claimsgate tells the two PWK segments apart by PWK02 and accepts the TR3 oxygen example (x12-samples ig-oxygen-dme.edi)."),
        Pyx12Difference(
            pyx12Message: nil,
            pyx12Behaviour: "a required segment missing (IK304 3) at the position of the segment after it",
            reason: "When a segment's qualifier is invalid (SBR01=Z, PAT01=18, SV101-1=ZZ) or two segments are swapped, pyx12 cannot identify it and reports the expected segment missing one position later; claimsgate identifies the segment and reports the bad element (IK304 8) or the order (IK304 7) at the segment's own position. The parity test accepts a finding one position either side for segment-level errors."),
        Pyx12Difference(
            pyx12Message: nil,
            pyx12Behaviour: "after one unidentifiable segment, every following segment of the loop as not found",
            reason: "pyx12 loses its place in the loop structure after a segment it cannot identify (an invalid BHT01 or 2320 SBR01) and reports each following segment; claimsgate reports the root cause once and keeps reading the loop, so the sender sees the one thing to fix. The parity test accepts such cascades after a matched first error."),
        Pyx12Difference(
            pyx12Message: "HL parent (3) is not a valid parent",
            pyx12Behaviour: "HL2 and LX numbering errors in the second functional group of multiple-functional-groups.txt",
            reason: "pyx12 carries its HL and LX counters from one functional group into the next; each group's transaction set numbers its levels and lines from 1, as the guide requires, and the same content in separate interchanges passes pyx12.",
            file: "multiple-functional-groups.txt"),
        Pyx12Difference(
            pyx12Message: "does not match your HL count",
            pyx12Behaviour: "HL numbering error in the second functional group of multiple-functional-groups.txt",
            reason: "Same counter carried across functional groups as above.",
            file: "multiple-functional-groups.txt"),
        Pyx12Difference(
            pyx12Message: "Service Line Number 2 does not match my count of 1",
            pyx12Behaviour: "LX numbering error in the second functional group of multiple-functional-groups.txt",
            reason: "Same counter carried across functional groups as above.",
            file: "multiple-functional-groups.txt"),
        Pyx12Difference(
            pyx12Message: nil,
            pyx12Behaviour: "ISA11 = U accepted (the 4010 standards identifier)",
            reason: "In 5010 ISA11 is the repetition separator; claimsgate rejects U with TA1 016 before reading the interchange. The parity test gives such samples a real separator so both tools read their content."),
        Pyx12Difference(
            pyx12Message: nil,
            pyx12Behaviour: "HL2 (parent not valid) on the next HL after a wrong HL02",
            reason: "pyx12 checks an HL's parent against the levels it has accepted, so one wrong HL02 also fails the next level; claimsgate reports the wrong HL02 itself (HL-002)."),
    ]
}
