import X12

/// What an acknowledgment mirrors from the interchange it answers.
///
/// The reply goes back the way the file came: ISA06/ISA08 and GS02/GS03 are swapped (qualifiers
/// kept with their ids), ISA15 is kept so a test file never gets a production answer, and the TA1
/// echoes ISA13/ISA09/ISA10.
public struct InboundInterchange: Sendable, Hashable {
    public var senderQualifier: String
    public var senderID: String
    public var receiverQualifier: String
    public var receiverID: String
    /// ISA13 as received.
    public var controlNumber: String
    /// ISA09 as received (`YYMMDD`).
    public var date: String
    /// ISA10 as received (`HHMM`).
    public var time: String
    /// ISA15: `P` or `T`.
    public var usageIndicator: String
    /// ISA14: whether the sender asked for a TA1.
    public var acknowledgmentRequested: Bool
    /// GS02 of the inbound group; nil for an interchange without a readable GS (the ISA06 id is
    /// used instead, which is what most partners put in GS02 anyway).
    public var applicationSenderCode: String?
    /// GS03 of the inbound group; nil falls back to ISA08.
    public var applicationReceiverCode: String?

    public init(
        senderQualifier: String, senderID: String, receiverQualifier: String, receiverID: String,
        controlNumber: String, date: String, time: String, usageIndicator: String,
        acknowledgmentRequested: Bool = false, applicationSenderCode: String? = nil,
        applicationReceiverCode: String? = nil
    ) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.controlNumber = controlNumber
        self.date = date
        self.time = time
        self.usageIndicator = usageIndicator
        self.acknowledgmentRequested = acknowledgmentRequested
        self.applicationSenderCode = applicationSenderCode
        self.applicationReceiverCode = applicationReceiverCode
    }

    /// The fields of an interchange as `InterchangeReader` read it; GS02/GS03 come from its first group.
    public init(_ interchange: Interchange) {
        let header = interchange.header
        let group = interchange.groups.first
        self.init(
            senderQualifier: header.senderQualifier, senderID: header.senderID,
            receiverQualifier: header.receiverQualifier, receiverID: header.receiverID,
            controlNumber: header.controlNumber, date: header.date, time: header.time,
            usageIndicator: header.usageIndicator, acknowledgmentRequested: header.acknowledgmentRequested,
            applicationSenderCode: group?.senderCode, applicationReceiverCode: group?.receiverCode)
    }
}
