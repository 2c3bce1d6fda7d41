import ClaimsCore
import X12
import X12Acknowledgments
import X12Validation

/// The kinds of acknowledgment file the gateway writes.
public enum AcknowledgmentFileKind: String, Sendable, CaseIterable {
    case ta1 = "TA1"
    case implementation = "999"
    case claim = "277CA"
}

/// One acknowledgment interchange to write, waiting only for its control number.
public struct PlannedAcknowledgment: Sendable {
    public var kind: AcknowledgmentFileKind
    /// Builds the interchange's bytes from its outbound ISA13 (also used as GS06).
    public var build: @Sendable (_ controlNumber: Int) -> [UInt8]
}

/// The bytes of one acknowledgment file and the ISA13s of the interchanges in it.
public struct AssembledAcknowledgment: Sendable {
    public var kind: AcknowledgmentFileKind
    public var bytes: [UInt8]
    public var controlNumbers: [Int]
}

/// Decides which TA1, 999 and 277CA interchanges answer a file, per the acknowledgment policy
/// (DESIGN.md): a rejected interchange gets a TA1 and nothing else; a positive TA1 only when
/// ISA14 asks; a 999 per interchange unless everything was accepted and the partner wants
/// negative ones only; a 277CA for the transaction sets the 999 did not reject.
public struct AcknowledgmentPlanner: Sendable {
    public var identity: GatewayIdentity
    public var partner: PartnerConfiguration
    /// When the file was received (the acknowledgments' dates).
    public var receivedAt: AcknowledgmentTimestamp
    /// The gateway's file id, which prefixes the claim ids reported in REF*1K.
    public var fileID: Int64
    /// File-level indices of claims held for review: pended (`A1:19`) or left out of the 277CA
    /// until decided, per the partner's `review_mode`.
    public var heldClaims: Set<Int> = []

    public init(identity: GatewayIdentity, partner: PartnerConfiguration, receivedAt: AcknowledgmentTimestamp, fileID: Int64) {
        self.identity = identity
        self.partner = partner
        self.receivedAt = receivedAt
        self.fileID = fileID
    }

    /// Acknowledgments for `assessment`, TA1s first, then 999s, then 277CAs.
    public func plan(_ assessment: FileAssessment) -> [PlannedAcknowledgment] {
        var planned: [PlannedAcknowledgment] = []
        var claimIndex = 0
        for interchange in assessment.interchanges {
            let envelope = envelope(for: interchange)
            if let ta1 = interchangeAcknowledgment(interchange) {
                planned.append(PlannedAcknowledgment(kind: .ta1) { TA1Builder.build(ta1, envelope: envelope($0)) })
            }
            guard !interchange.isRejected else { continue }

            let groups = interchange.groups.map { group in
                GroupResponse(group.group, transactionSets: group.transactionSets.map(transactionSetResponse))
            }
            if let implementation = implementationAcknowledgment(groups, envelope: envelope) { planned.append(implementation) }
            let reports = interchange.groups.flatMap(\.transactionSets).compactMap { claimReport($0, claimIndex: &claimIndex) }
            let source = informationSource
            let batches = partner.claimAcknowledgmentGrouping == .perTransactionSet ? reports.map { [$0] } : [reports]
            for batch in batches where !batch.isEmpty {
                planned.append(
                    PlannedAcknowledgment(kind: .claim) {
                        ClaimAcknowledgmentBuilder.build(batch, source: source, envelope: envelope($0), groupControlNumber: $0)
                    })
            }
        }
        return planned
    }

    /// The acknowledgment envelope of `interchange`'s answers, given its outbound ISA13.
    func envelope(for interchange: InterchangeAssessment) -> @Sendable (Int) -> AcknowledgmentEnvelope {
        let inbound = InboundInterchange(interchange.interchange)
        let timestamp = receivedAt
        return { AcknowledgmentEnvelope(inbound: inbound, interchangeControlNumber: $0, timestamp: timestamp) }
    }

    /// The 999 answering an interchange's groups, unless everything was accepted and the partner
    /// wants negative ones only.
    func implementationAcknowledgment(
        _ groups: [GroupResponse], envelope: @escaping @Sendable (Int) -> AcknowledgmentEnvelope
    ) -> PlannedAcknowledgment? {
        guard partner.positive999 || !ImplementationAcknowledgmentBuilder.isAllAccepted(groups) else { return nil }
        return PlannedAcknowledgment(kind: .implementation) {
            ImplementationAcknowledgmentBuilder.build(groups, envelope: envelope($0), groupControlNumber: $0)
        }
    }

    /// The 2000A information source of every 277CA: the gateway.
    var informationSource: InformationSource { InformationSource(name: identity.name, identifier: identity.id) }

    /// The 277CA report of one judged set, or nil when it gets none (the 999 rejected it, or
    /// every claim in it is deferred). `claimIndex` is the file-level index of the set's first
    /// stored claim; it is moved past the set's claims.
    func claimReport(_ set: TransactionSetAssessment, claimIndex: inout Int) -> ClaimAcknowledgmentReport? {
        guard let parsed = set.parsed, set.verdict.disposition != .rejected else { return nil }
        // Grouped once per set: scanning every finding for every claim was quadratic.
        let rejections = Dictionary(grouping: set.verdict.claimFindings.filter { $0.severity == .reject }, by: \.claimIndex)
        let syntaxErrors = set.verdict.findings.map(\.claimIndex)
        let claimsWithSyntaxErrors = Set(syntaxErrors.compactMap { $0 })
        let sharedSyntaxError = syntaxErrors.contains(nil)
        let decisions = parsed.claims.indices.compactMap { index -> ClaimDecision? in
            defer { claimIndex += 1 }
            guard !(heldClaims.contains(claimIndex) && partner.risk.reviewMode == .defer) else { return nil }
            let claimRejections = rejections[index] ?? []
            return ClaimDecision(
                ClaimSlot(parsed.claims, index),
                outcome: outcome(
                    index, set.verdict, syntaxError: sharedSyntaxError || claimsWithSyntaxErrors.contains(index),
                    rejections: claimRejections, fileClaimIndex: claimIndex),
                lineStatuses: Self.lineStatuses(claimRejections))
        }
        guard !decisions.isEmpty else { return nil }
        return ClaimAcknowledgmentReport(header: parsed.header, receivedDate: receivedAt.date, decisions: decisions)
    }

    /// One file per kind: the planned interchanges of that kind, numbered by `nextControlNumber`
    /// and concatenated (a file may hold several interchanges, one per inbound interchange).
    public static func assemble(
        _ planned: [PlannedAcknowledgment], kinds: [AcknowledgmentFileKind] = AcknowledgmentFileKind.allCases,
        nextControlNumber: () async throws -> Int
    ) async rethrows -> [AssembledAcknowledgment] {
        var files: [AssembledAcknowledgment] = []
        for kind in kinds {
            var file = AssembledAcknowledgment(kind: kind, bytes: [], controlNumbers: [])
            for acknowledgment in planned where acknowledgment.kind == kind {
                let number = try await nextControlNumber()
                file.controlNumbers.append(number)
                file.bytes += acknowledgment.build(number)
            }
            if !file.controlNumbers.isEmpty { files.append(file) }
        }
        return files
    }

    /// The gateway's id for the `index`-th stored claim of the file, as REF*1K reports it.
    public static func claimID(fileID: Int64, claimIndex: Int) -> String { "CG\(fileID)-\(claimIndex + 1)" }

    func interchangeAcknowledgment(_ interchange: InterchangeAssessment) -> InterchangeAcknowledgment? {
        if let rejection = interchange.issues.first(where: \.rejectsInterchange) {
            return InterchangeAcknowledgment(code: .rejected, noteCode: rejection.ta1NoteCode)
        }
        guard interchange.interchange.header.acknowledgmentRequested else { return nil }
        if interchange.issues.contains(.controlNumberMismatch) {
            return InterchangeAcknowledgment(code: .acceptedWithErrors, noteCode: InterchangeIssue.controlNumberMismatch.ta1NoteCode)
        }
        return InterchangeAcknowledgment(code: .accepted, noteCode: "000")
    }

    /// The 999's answer for one judged set: its segment errors and disposition.
    func transactionSetResponse(_ set: TransactionSetAssessment) -> TransactionSetResponse {
        let claims = set.parsed?.claims ?? []
        let errors = set.verdict.findings.map { finding in
            SegmentError(
                segmentID: finding.segmentID.description, position: finding.position,
                loopID: String(finding.loopID.prefix(4)), code: finding.segmentCode,
                businessUnit: finding.claimIndex.map { claims[$0].patientControlNumber },
                elementErrors: finding.elements.map {
                    ElementError(position: $0.position, component: $0.component, reference: $0.reference, code: $0.code)
                })
        }
        let disposition: TransactionSetResponse.Disposition =
            switch set.verdict.disposition {
            case .accepted: .accepted
            case .acceptedWithErrors: .acceptedWithErrors
            case .rejected: .rejected
            }
        return TransactionSetResponse(set.set, segmentErrors: errors, disposition: disposition)
    }

    /// Rejecting edits that fired on service lines (`rejections`, one claim's), grouped by line
    /// (the 277CA's 2220D loops).
    static func lineStatuses(_ rejections: [ClaimFinding]) -> [LineStatus] {
        var byLine: [Int: [ClaimStatus]] = [:]
        for finding in rejections {
            guard let line = finding.lineNumber,
                case .claimStatus(let category, let status, let entity) = finding.edit.outcome
            else { continue }
            let code = ClaimStatus(category: category, code: status, entity: entity)
            if !(byLine[line]?.contains(code) ?? false) { byLine[line, default: []].append(code) }
        }
        return byLine.keys.sorted().map { LineStatus(lineNumber: $0, statuses: byLine[$0]!) }
    }

    /// The claim's 277CA outcome; `syntaxError` tells whether a SNIP 1–2 finding touches it (its
    /// own, or one shared by several claims), `rejections` are the rejecting business edits that
    /// fired on it.
    func outcome(
        _ index: Int, _ verdict: TransactionSetVerdict, syntaxError: Bool, rejections: [ClaimFinding], fileClaimIndex: Int
    ) -> ClaimOutcome {
        if verdict.rejectedClaims.contains(index) {
            var statuses: [ClaimStatus] = []
            // A3:684: rejected for a syntax error the 999 reported as "accepted with errors".
            if syntaxError { statuses.append(.syntaxErrorOnAcknowledgment) }
            for finding in rejections {
                guard case .claimStatus(let category, let status, let entity) = finding.edit.outcome else { continue }
                let code = ClaimStatus(category: category, code: status, entity: entity)
                if !statuses.contains(code) { statuses.append(code) }
            }
            return .rejected(statuses.isEmpty ? [.syntaxErrorOnAcknowledgment] : statuses)
        }
        if heldClaims.contains(fileClaimIndex) { return .pended }
        return .accepted(payerClaimControlNumber: Self.claimID(fileID: fileID, claimIndex: fileClaimIndex))
    }
}
