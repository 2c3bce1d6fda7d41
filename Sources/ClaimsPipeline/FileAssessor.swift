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
        let interchanges = try InterchangeReader.read(source)
        let sets = interchanges.flatMap(\.groups).map(\.transactionSets.count).reduce(0, +)
        let counter = progress.map { ProgressCounter(total: sets, report: $0) }
        let assessed = interchanges.indices.map { index in
            assess(
                interchanges[index], index: index, partner: partner, receivedDate: receivedDate, concurrently: true,
                counter: counter)
        }
        return FileAssessment(interchanges: assessed)
    }

    /// Judges one interchange of a file; its transaction sets are spread over the cores unless
    /// `concurrently` is false (the benchmark's one-core figure).
    public func assess(
        _ interchange: Interchange, index: Int, partner: PartnerConfiguration, receivedDate: CalendarDate,
        concurrently: Bool = true
    ) -> InterchangeAssessment {
        assess(interchange, index: index, partner: partner, receivedDate: receivedDate, concurrently: concurrently, counter: nil)
    }

    func assess(
        _ interchange: Interchange, index: Int, partner: PartnerConfiguration, receivedDate: CalendarDate,
        concurrently: Bool, counter: ProgressCounter?
    ) -> InterchangeAssessment {
        let header = interchange.header
        let headerIssues = InterchangeHeaderCheck.issues(
            of: header,
            expectedReceiver: checksRouting ? (identity.qualifier, identity.id) : (header.receiverQualifier, header.receiverID),
            senderAllowed: { checksRouting ? partner.owns(qualifier: $0, id: $1) : true })
        let issues = headerIssues + interchange.issues
        guard !issues.contains(where: \.rejectsInterchange) else {
            return InterchangeAssessment(interchange: interchange, issues: issues, groups: [])
        }
        // Transaction sets are independent: they are judged concurrently, one per core.
        let places = interchange.groups.indices.flatMap { group in
            interchange.groups[group].transactionSets.indices.map { (group: group, set: $0) }
        }
        let judge = { @Sendable (place: (group: Int, set: Int)) in
            defer { counter?.advance() }
            let group = interchange.groups[place.group]
            return assess(
                group.transactionSets[place.set], of: group, at: (index, place.group, place.set),
                partner: partner, receivedDate: receivedDate)
        }
        let judged = concurrently ? places.concurrentMap(judge) : places.map(judge)
        var next = judged.makeIterator()
        let groups = interchange.groups.map { group in
            GroupAssessment(group: group, transactionSets: group.transactionSets.map { _ in next.next()! })
        }
        return InterchangeAssessment(interchange: interchange, issues: issues, groups: groups)
    }

    func assess(
        _ set: TransactionSet, of group: FunctionalGroup, at place: (interchange: Int, group: Int, set: Int),
        partner: PartnerConfiguration, receivedDate: CalendarDate
    ) -> TransactionSetAssessment {
        let readable = group.issues.isEmpty && set.identifier == "837"
            && set.implementationReference == X222A1.implementationReference
        let validated =
            readable
            ? validator.validate(set, interchange: place.interchange, group: place.group, transactionSet: place.set) : nil
        let parsed = validated?.parsed
        var verdict = TransactionSetVerdict(
            set: set, parsed: parsed, findings: validated?.findings ?? [], policy: partner.validation.policy)
        if let parsed {
            verdict.add(claimValidator.findings(for: parsed, receivedDate: receivedDate, profile: partner.validation))
        }
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
