import ClaimsCore

/// Everything the 277CA says about one received 837 transaction set that the 999 did not reject:
/// one 277 transaction set (2000A information source, 2000B submitter, 2000C per billing
/// provider, 2000D per claim).
public struct ClaimAcknowledgmentReport: Sendable, Equatable {
    /// The 837's BHT and 1000A submitter, echoed at 2100B/2200B.
    public var header: SubmissionHeader
    /// When the 837 arrived (2200A `DTP*050`).
    public var receivedDate: CalendarDate
    /// Every claim of the set, in file order. Claims are grouped under their 2000A billing
    /// provider (`position.billingProviderIndex`), providers in order of first appearance.
    public var decisions: [ClaimDecision]

    public init(header: SubmissionHeader, receivedDate: CalendarDate, decisions: [ClaimDecision]) {
        self.header = header
        self.receivedDate = receivedDate
        self.decisions = decisions
    }
}
