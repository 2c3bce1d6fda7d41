import ClaimsCore
import X12
import X12Schema

/// Parses one 837P transaction set and checks it against the guide in the same walk: the typed
/// claims plus every SNIP 1–2 finding (structure, elements, situational rules) in segment order.
public struct TransactionSetValidator: Sendable {
    let parser = ClaimParser()

    public init() {}

    public func validate(_ set: TransactionSet, interchange: Int, group: Int, transactionSet: Int)
        -> (parsed: ParsedTransactionSet, findings: [SegmentFinding])
    {
        var validator = ImplementationValidator()
        let parsed = parser.parse(
            set, interchange: interchange, group: group, transactionSet: transactionSet, alongside: &validator)
        let structure = parsed.structureErrors.map(SegmentFinding.init(structure:))
        let findings = (structure + validator.result()).sorted { $0.position < $1.position }
        return (parsed, findings)
    }
}

extension SegmentFinding {
    /// The 999 finding for a structure error; a tag X12 defines for the 837 but the guide does not
    /// use is reported as "Not Used" (I4) rather than foreign to the transaction set (6).
    init(structure error: StructureError) {
        if error.kind == .segmentNotInTransactionSet, Self.notUsedInGuide.contains(error.segmentID) {
            self.init(
                editID: "IG-001", segmentID: error.segmentID, position: error.position, loopID: error.loopID,
                segmentCode: "I4", message: "segment \(error.segmentID) is defined for the 837 but not used in 005010X222A1")
        } else {
            self.init(
                editID: error.editID, segmentID: error.segmentID, position: error.position, loopID: error.loopID,
                segmentCode: error.kind.ik304Code, message: error.message)
        }
    }

    /// TS-010 for a set with more than `limit` claims, pinned to the first claim past it.
    public static func tooManyClaims(in set: TransactionSet, limit: Int) -> SegmentFinding {
        SegmentFinding(
            editID: "TS-010", segmentID: "CLM", position: set.position(of: "CLM", occurrence: limit + 1) ?? 1,
            loopID: "2300", segmentCode: "4",
            message: "the transaction set holds \(set.claimCount) claims, more than the \(limit) agreed per transaction set")
    }

    /// Segments of the X12 837 transaction set that the professional guide never uses.
    static let notUsedInGuide: Set<SegmentID> = [
        "N2", "CL1", "DN1", "DN2", "DSB", "UR", "CR4", "CR5", "CR6", "CR7", "CR8", "HSD", "MIA", "SV2", "SV3", "SV4",
        "SV6", "SV7", "TOO", "IMM",
    ]
}
