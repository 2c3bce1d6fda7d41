import ClaimsCore
import X12
import X12Schema
import Synchronization
import X12Validation

/// Reads, parses and judges one file for one partner. Pure: no I/O, so `claimsgate validate`
/// and the gateway reach the same verdicts.
public struct FileAssessor: Sendable {
    public let identity: GatewayIdentity
    /// Whether ISA06 must be the partner's and ISA08 the gateway's (off for offline checks of
    /// files addressed elsewhere).
    public let checksRouting: Bool
    let validator = TransactionSetValidator()
    let claimValidator = ClaimValidator(rules: BusinessEdits.rules)

    public init(identity: GatewayIdentity, checksRouting: Bool = true) {
        self.identity = identity
        self.checksRouting = checksRouting
    }

    /// Called as transaction sets are judged: how many are done, out of how many in the file.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Throws when the bytes are not X12 at all (no readable ISA): such a file is quarantined.
    public func assess(
        _ source: X12Source, partner: PartnerConfiguration, receivedDate: CalendarDate, progress: Progress? = nil
    ) throws(EnvelopeError) -> FileAssessment {
        let envelope = try readEnvelope(source, partner: partner)
        let places = envelope.judgeablePlaces
        let counter = progress.map { ProgressCounter(total: places.count, report: $0) }
        return judge(places, of: envelope, partner: partner, receivedDate: receivedDate, concurrently: true, counter: counter)
    }

    /// The file's envelope read and checked, nothing inside judged yet: interchanges with their
    /// TA1 issues, and groups with no transaction set assessed (see `judge`). Throws when the
    /// bytes are not X12 at all (no readable ISA): such a file is quarantined.
    public func readEnvelope(_ source: X12Source, partner: PartnerConfiguration) throws(EnvelopeError) -> FileAssessment {
        let interchanges = try InterchangeReader.read(source).map { interchange in
            let header = interchange.header
            let headerIssues = InterchangeHeaderCheck.issues(
                of: header,
                expectedReceiver: checksRouting
                    ? (identity.qualifier, identity.id) : (header.receiverQualifier, header.receiverID),
                senderAllowed: { checksRouting ? partner.owns(qualifier: $0, id: $1) : true })
            let issues = headerIssues + interchange.issues
            let groups =
                issues.contains(where: \.rejectsInterchange)
                ? [] : interchange.groups.map { GroupAssessment(group: $0, transactionSets: []) }
            return InterchangeAssessment(interchange: interchange, issues: issues, groups: groups)
        }
        return FileAssessment(interchanges: interchanges)
    }

    /// `envelope` (from `readEnvelope`) with the transaction sets at `places` judged, in file
    /// order, and no other: a window of the file, or all of it. Sets are independent, so they are
    /// judged concurrently, one per core, unless `concurrently` is false (the one-core benchmark).
    public func judge(
        _ places: [SetPlace], of envelope: FileAssessment, partner: PartnerConfiguration, receivedDate: CalendarDate,
        concurrently: Bool = true
    ) -> FileAssessment {
        judge(places, of: envelope, partner: partner, receivedDate: receivedDate, concurrently: concurrently, counter: nil)
    }

    func judge(
        _ places: [SetPlace], of envelope: FileAssessment, partner: PartnerConfiguration, receivedDate: CalendarDate,
        concurrently: Bool, counter: ProgressCounter?
    ) -> FileAssessment {
        let judgeOne = { @Sendable (place: SetPlace) in
            defer { counter?.advance() }
            let group = envelope.interchanges[place.interchange].groups[place.group].group
            return assess(
                group.transactionSets[place.set], of: group, at: place, partner: partner, receivedDate: receivedDate)
        }
        var window = envelope
        for (place, judged) in zip(places, concurrently ? places.concurrentMap(judgeOne) : places.map(judgeOne)) {
            window.interchanges[place.interchange].groups[place.group].transactionSets.append(judged)
        }
        return window
    }

    func assess(
        _ set: TransactionSet, of group: FunctionalGroup, at place: SetPlace,
        partner: PartnerConfiguration, receivedDate: CalendarDate
    ) -> TransactionSetAssessment {
        let readable = group.issues.isEmpty && set.identifier == "837"
            && set.implementationReference == X222A1.implementationReference
        guard readable else {
            let verdict = TransactionSetVerdict(set: set, parsed: nil, findings: [], policy: partner.validation.policy)
            return TransactionSetAssessment(set: set, parsed: nil, verdict: verdict)
        }
        let claimLimit = partner.validation.rules.maxClaimsPerTransactionSet
        if set.claimCount > claimLimit {
            let finding = SegmentFinding.tooManyClaims(in: set, limit: claimLimit)
            let verdict = TransactionSetVerdict(set: set, parsed: nil, findings: [finding], policy: partner.validation.policy)
            return TransactionSetAssessment(set: set, parsed: nil, verdict: verdict)
        }
        // Held in a variable of its own, the set's claims are judged in place (see `findings`).
        var parsed: ParsedTransactionSet
        let findings: [SegmentFinding]
        (parsed, findings) = validator.validate(set, interchange: place.interchange, group: place.group, transactionSet: place.set)
        var verdict = TransactionSetVerdict(set: set, parsed: parsed, findings: findings, policy: partner.validation.policy)
        verdict.add(claimValidator.findings(for: &parsed, receivedDate: receivedDate, profile: partner.validation))
        return TransactionSetAssessment(set: set, parsed: parsed, verdict: verdict)
    }
}

/// Counts judged transaction sets across the threads that judge them.
final class ProgressCounter: Sendable {
    let total: Int
    let report: FileAssessor.Progress
    private let done = Atomic<Int>(0)

    init(total: Int, report: @escaping FileAssessor.Progress) {
        self.total = total
        self.report = report
    }

    func advance() { report(done.add(1, ordering: .relaxed).newValue, total) }
}
