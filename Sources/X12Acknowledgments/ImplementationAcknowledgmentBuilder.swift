import X12

/// Writes 999 implementation acknowledgments (005010X231A1).
///
/// One interchange, one `GS*FA` group, and one 999 transaction set per received functional group
/// (AK1 names exactly one group). Whether a 999 is sent when everything was accepted is the
/// partner's policy (negative-only by default), decided by the caller with `isAllAccepted`.
public enum ImplementationAcknowledgmentBuilder {
    public static let version = "005010X231A1"

    /// The whole 999 interchange. `groupControlNumber` is GS06/GE02 of the outbound group, allocated
    /// by the caller like ISA13.
    public static func build(
        _ groups: [GroupResponse], envelope: AcknowledgmentEnvelope, groupControlNumber: Int
    ) -> [UInt8] {
        var writer = X12Writer.acknowledgment()
        writer.openInterchange(envelope)
        writer.openGroup(
            functionalID: "FA", version: version, controlNumber: groupControlNumber, envelope: envelope)
        for (index, group) in groups.enumerated() {
            write(group, controlNumber: X12Writer.transactionSetControlNumber(index + 1), to: &writer)
        }
        writer.closeGroup(transactionSetCount: groups.count, controlNumber: groupControlNumber)
        writer.closeInterchange(groupCount: 1, envelope: envelope)
        return writer.bytes
    }

    /// True when no group and no set has anything to report: a negative-only partner gets no 999.
    public static func isAllAccepted(_ groups: [GroupResponse]) -> Bool {
        groups.allSatisfy { $0.acknowledgmentCode == "A" }
    }

    static func write(_ group: GroupResponse, controlNumber: String, to writer: inout X12Writer) {
        writer.segment("ST", "999", controlNumber, version)
        writer.segment("AK1", group.functionalID, group.controlNumber, group.version)
        for set in group.transactionSets {
            write(set, to: &writer)
        }
        writer.segment(
            "AK9",
            [
                group.acknowledgmentCode, String(group.declaredTransactionSetCount ?? group.receivedCount),
                String(group.receivedCount), String(group.acceptedCount),
            ] + group.groupErrors.prefix(5))
        writer.closeTransactionSet(controlNumber: controlNumber)
    }

    static func write(_ set: TransactionSetResponse, to writer: inout X12Writer) {
        writer.segment(
            "AK2", X12Text.sanitized(set.identifier), X12Text.sanitized(set.controlNumber),
            X12Text.sanitized(set.implementationReference ?? ""))
        for error in set.segmentErrors {
            write(error, to: &writer)
        }
        writer.segment("IK5", [set.acknowledgmentCode] + set.writtenSetErrors)
    }

    /// IK3, at most one CTX (the business unit; pyx12 refuses two CTX after one IK3), then IK4s.
    static func write(_ error: SegmentError, to writer: inout X12Writer) {
        writer.segment(
            "IK3", X12Text.sanitized(error.segmentID), String(error.position),
            X12Text.sanitized(String((error.loopID ?? "").prefix(4))), error.code)
        if let clm01 = error.businessUnit {
            writer.segment("CTX", writer.composite("CLM01", X12Text.sanitized(clm01)))
        }
        for element in error.elementErrors {
            let position = writer.composite(
                String(element.position), element.component.map(String.init) ?? "",
                element.repetition.map(String.init) ?? "")
            writer.segment(
                "IK4", position, element.reference ?? "", element.code,
                element.badValue.flatMap { X12Text.verbatim($0) } ?? "")
        }
    }
}
