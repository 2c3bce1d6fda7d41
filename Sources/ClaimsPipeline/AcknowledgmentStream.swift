import Foundation
import X12Acknowledgments

/// A file's acknowledgments, built while its transaction sets are judged window by window, so
/// that answering a file never holds all of its claims: each set's 999 answer is kept (a few
/// bytes per set) until the file is done, and each set's 277CA report is written to the 277CA
/// file, still hidden, as soon as it is ready. Same output as `AcknowledgmentPlanner.plan`, except
/// that 277CA interchanges take their control numbers before the TA1s and 999s do.
///
/// Unchecked `Sendable`: a file's loop hands it to the task answering a window while the window
/// is stored, and waits for that task before touching it again; it is never used by two at once.
final class AcknowledgmentStream: @unchecked Sendable {
    /// One acknowledgment file written to the outbox: to be recorded.
    struct Written {
        var kind: AcknowledgmentFileKind
        var name: String
        var controlNumbers: [Int]
    }

    private var planner: AcknowledgmentPlanner
    private let envelope: FileAssessment
    private let kinds: [AcknowledgmentFileKind]
    private let outbox: URL
    private let fileName: (AcknowledgmentFileKind) -> String
    private let nextControlNumber: () async throws -> Int
    /// The 999 answers so far: interchange, group, set.
    private var responses: [[[TransactionSetResponse]]]
    /// File-level index of the next stored claim.
    private var claimIndex = 0
    /// The 277CA file being written, hidden until `finish`.
    private var claimFile: DurableFile.Writer?
    /// The 277CA interchange being written: whose answer it is, its ISA13, its sets so far.
    private var openClaimInterchange: (interchange: Int, controlNumber: Int, sets: Int)?
    private var claimControlNumbers: [Int] = []

    /// `envelope` is the file's (from `FileAssessor.readEnvelope`); only `kinds` are written
    /// (a resumed file skips those already in the outbox). The 277CA is staged in `staging`.
    init(
        planner: AcknowledgmentPlanner, envelope: FileAssessment, kinds: [AcknowledgmentFileKind], outbox: URL,
        staging: URL, fileName: @escaping (AcknowledgmentFileKind) -> String,
        nextControlNumber: @escaping () async throws -> Int
    ) throws {
        self.planner = planner
        self.envelope = envelope
        self.kinds = kinds
        self.outbox = outbox
        self.fileName = fileName
        self.nextControlNumber = nextControlNumber
        responses = envelope.interchanges.map { $0.groups.map { _ in [] } }
        if kinds.contains(.claim) {
            claimFile = try DurableFile.Writer(named: fileName(.claim), in: outbox, staging: staging)
        }
    }

    /// Claims (file-level indices) held for review, known once their window's scores are settled.
    func hold(_ claims: some Sequence<Int>) { planner.heldClaims.formUnion(claims) }

    /// Takes in a judged window of the file (`FileAssessor.judge`), in file order.
    func add(_ window: FileAssessment) async throws {
        for (index, interchange) in window.interchanges.enumerated() {
            for (group, assessed) in interchange.groups.enumerated() {
                for set in assessed.transactionSets {
                    responses[index][group].append(planner.transactionSetResponse(set))
                    guard let report = planner.claimReport(set, claimIndex: &claimIndex), claimFile != nil else { continue }
                    try await writeClaimReport(report, interchange: index)
                }
            }
        }
    }

    /// Writes the TA1 and 999 files, then makes the 277CA file visible; returns what was written,
    /// in that order.
    func finish() async throws -> [Written] {
        try closeClaimInterchange()
        var written: [Written] = []
        var planned: [PlannedAcknowledgment] = []
        for (index, interchange) in envelope.interchanges.enumerated() {
            let envelope = planner.envelope(for: interchange)
            if let ta1 = planner.interchangeAcknowledgment(interchange) {
                planned.append(PlannedAcknowledgment(kind: .ta1) { TA1Builder.build(ta1, envelope: envelope($0)) })
            }
            guard !interchange.isRejected else { continue }
            let groups = zip(interchange.groups, responses[index]).map { GroupResponse($0.group, transactionSets: $1) }
            if let implementation = planner.implementationAcknowledgment(groups, envelope: envelope) {
                planned.append(implementation)
            }
        }
        let files = try await AcknowledgmentPlanner.assemble(planned, kinds: kinds.filter { $0 != .claim }) {
            try await nextControlNumber()
        }
        for file in files {
            let name = fileName(file.kind)
            try await Blocking.run { [outbox] in try DurableFile.write(file.bytes, named: name, in: outbox) }
            written.append(Written(kind: file.kind, name: name, controlNumbers: file.controlNumbers))
        }
        if let claimFile, !claimControlNumbers.isEmpty {
            self.claimFile = nil
            try claimFile.commit()
            written.append(Written(kind: .claim, name: fileName(.claim), controlNumbers: claimControlNumbers))
        }
        return written
    }

    /// Appends one 277 set, opening the 277CA interchange that answers `interchange` first (one
    /// per inbound interchange, or one per set when the partner asks for that).
    private func writeClaimReport(_ report: ClaimAcknowledgmentReport, interchange: Int) async throws {
        let perSet = planner.partner.claimAcknowledgmentGrouping == .perTransactionSet
        if let open = openClaimInterchange, perSet || open.interchange != interchange { try closeClaimInterchange() }
        let envelope = planner.envelope(for: self.envelope.interchanges[interchange])
        if openClaimInterchange == nil {
            let number = try await nextControlNumber()
            claimControlNumbers.append(number)
            openClaimInterchange = (interchange, number, 0)
            try claimFile!.append(ClaimAcknowledgmentBuilder.opening(envelope: envelope(number), groupControlNumber: number))
        }
        openClaimInterchange!.sets += 1
        let (number, ordinal) = (openClaimInterchange!.controlNumber, openClaimInterchange!.sets)
        try claimFile!.append(
            ClaimAcknowledgmentBuilder.transactionSet(
                report, ordinal: ordinal, source: planner.informationSource, envelope: envelope(number)))
    }

    private func closeClaimInterchange() throws {
        guard let open = openClaimInterchange else { return }
        openClaimInterchange = nil
        let envelope = planner.envelope(for: self.envelope.interchanges[open.interchange])(open.controlNumber)
        try claimFile!.append(
            ClaimAcknowledgmentBuilder.closing(
                transactionSetCount: open.sets, groupControlNumber: open.controlNumber, envelope: envelope))
    }
}
