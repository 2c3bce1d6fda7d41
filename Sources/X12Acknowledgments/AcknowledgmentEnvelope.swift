/// The outbound interchange around an acknowledgment: whom it answers, and the control number and
/// time the caller allocated for it.
///
/// Control numbers are inputs because they must be unique and monotonic per partner across
/// restarts and instances; the pipeline takes them from PostgreSQL. The builders never invent one.
public struct AcknowledgmentEnvelope: Sendable, Hashable {
    public var inbound: InboundInterchange
    /// ISA13/IEA02 of the acknowledgment, 1...999999999 (written zero-padded to nine digits).
    public var interchangeControlNumber: Int
    public var timestamp: AcknowledgmentTimestamp

    public init(inbound: InboundInterchange, interchangeControlNumber: Int, timestamp: AcknowledgmentTimestamp) {
        precondition((1...999_999_999).contains(interchangeControlNumber), "ISA13 is 1-999999999")
        self.inbound = inbound
        self.interchangeControlNumber = interchangeControlNumber
        self.timestamp = timestamp
    }

    /// ISA13 as written: nine digits.
    var controlNumberText: String {
        let digits = String(interchangeControlNumber)
        return String(repeating: "0", count: 9 - digits.count) + digits
    }
}
