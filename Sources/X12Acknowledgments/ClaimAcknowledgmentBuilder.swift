import ClaimsCore
import X12

/// Writes 277CA health care claim acknowledgments (005010X214).
///
/// One interchange, one `GS*HN` group, one 277 transaction set per report (that is, per received
/// 837 transaction set). The shape is the one both X214 and pyx12's map accept: every billing
/// provider gets a 2000C level (HL04 = 1, `TRN*1*0`, a summary STC) and every claim, accepted or
/// not, a 2000D level, so the submitter can reconcile claim by claim.
public enum ClaimAcknowledgmentBuilder {
    public static let version = "005010X214"

    /// NM109 written when the 837 lacked the id a required NM109 echoes (such a claim is rejected
    /// by validation anyway); the 277CA must stay valid to report it.
    static let unknownIdentifier = "UNKNOWN"

    /// The whole 277CA interchange. `groupControlNumber` is GS06/GE02, allocated by the caller.
    public static func build(
        _ reports: [ClaimAcknowledgmentReport], source: InformationSource, envelope: AcknowledgmentEnvelope,
        groupControlNumber: Int
    ) -> [UInt8] {
        var bytes = opening(envelope: envelope, groupControlNumber: groupControlNumber)
        for (index, report) in reports.enumerated() {
            bytes += transactionSet(report, ordinal: index + 1, source: source, envelope: envelope)
        }
        return bytes + closing(transactionSetCount: reports.count, groupControlNumber: groupControlNumber, envelope: envelope)
    }

    /// The ISA and GS that open a 277CA interchange: with `transactionSet` and `closing`, an
    /// interchange can be written a set at a time, never whole in memory.
    public static func opening(envelope: AcknowledgmentEnvelope, groupControlNumber: Int) -> [UInt8] {
        var x12 = X12Writer.acknowledgment()
        x12.openInterchange(envelope)
        x12.openGroup(functionalID: "HN", version: version, controlNumber: groupControlNumber, envelope: envelope)
        return x12.bytes
    }

    /// The `ordinal`-th (1-based) 277 transaction set of its group, reporting one 837 set.
    public static func transactionSet(
        _ report: ClaimAcknowledgmentReport, ordinal: Int, source: InformationSource, envelope: AcknowledgmentEnvelope
    ) -> [UInt8] {
        var output = Output(source: source, envelope: envelope)
        output.write(report, controlNumber: X12Writer.transactionSetControlNumber(ordinal))
        return output.x12.bytes
    }

    /// The GE and IEA that close a 277CA interchange of `transactionSetCount` sets.
    public static func closing(transactionSetCount: Int, groupControlNumber: Int, envelope: AcknowledgmentEnvelope)
        -> [UInt8]
    {
        var x12 = X12Writer.acknowledgment()
        x12.closeGroup(transactionSetCount: transactionSetCount, controlNumber: groupControlNumber)
        x12.closeInterchange(groupCount: 1, envelope: envelope)
        return x12.bytes
    }
}
