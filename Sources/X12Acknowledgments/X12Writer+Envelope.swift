import X12

/// The envelope segments every acknowledgment shares, written the same way for TA1, 999 and 277CA.
extension X12Writer {
    /// An acknowledgment interchange with standard delimiters and one line per segment.
    static func acknowledgment() -> X12Writer { X12Writer(delimiters: .standard, lineBreaks: true) }

    /// ISA with sender and receiver swapped from the inbound ISA, ISA15 kept, and ISA14 = 0:
    /// acknowledgments are never acknowledged.
    mutating func openInterchange(_ envelope: AcknowledgmentEnvelope) {
        let inbound = envelope.inbound
        interchangeHeader(
            InterchangeHeaderFields(
                senderQualifier: inbound.receiverQualifier, senderID: inbound.receiverID,
                receiverQualifier: inbound.senderQualifier, receiverID: inbound.senderID,
                date: envelope.timestamp.interchangeDate, time: envelope.timestamp.time,
                controlNumber: envelope.controlNumberText, acknowledgmentRequested: false,
                usageIndicator: inbound.usageIndicator))
    }

    /// GS with GS02/GS03 swapped from the inbound group.
    mutating func openGroup(
        functionalID: String, version: String, controlNumber: Int, envelope: AcknowledgmentEnvelope
    ) {
        let inbound = envelope.inbound
        segment(
            "GS", functionalID, inbound.applicationReceiverCode ?? inbound.receiverID,
            inbound.applicationSenderCode ?? inbound.senderID, envelope.timestamp.groupDate,
            envelope.timestamp.time, String(controlNumber), "X", version)
    }

    /// SE with the segment count the writer kept since ST.
    mutating func closeTransactionSet(controlNumber: String) {
        segment("SE", String(transactionSetSegmentCount + 1), controlNumber)
    }

    mutating func closeGroup(transactionSetCount: Int, controlNumber: Int) {
        segment("GE", String(transactionSetCount), String(controlNumber))
    }

    mutating func closeInterchange(groupCount: Int, envelope: AcknowledgmentEnvelope) {
        segment("IEA", String(groupCount), envelope.controlNumberText)
    }

    /// ST02 of the n-th (1-based) transaction set in an outbound group: `0001`, `0002`, …
    static func transactionSetControlNumber(_ ordinal: Int) -> String {
        let digits = String(ordinal)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}
