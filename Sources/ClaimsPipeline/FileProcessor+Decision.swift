import ClaimsCore
import ClaimsCrypto
import ClaimsStore
import Foundation
import X12
import X12Acknowledgments

extension FileProcessor {
    /// `A3:21` (missing or invalid information): what a reviewer's rejection says on the 277CA.
    static let reviewRejection = ClaimStatus(category: "A3", code: "21")

    /// Writes the 277CA that reports a reviewer's decision on one held claim (after `A1:19` in
    /// pend mode, or as its first 277CA in defer mode), from the archived file. Returns the
    /// outbox file name, or nil when the file or the claim cannot be found any more.
    public func acknowledgeDecision(
        _ reference: ClaimReference, decision: ReviewDecision, partner: PartnerConfiguration, at time: Date = Date()
    ) async throws -> String? {
        guard let record = try await files.file(reference.fileID), let path = record.storedPath else { return nil }
        guard let stored = try await Blocking.run({ try Self.readRegularFile(URL(fileURLWithPath: path)) }) else {
            return nil
        }
        // Archived files are sealed (`ArchiveCipher`); a file still in processing/ is clear.
        let bytes = SealedBox.keyID(of: stored) == nil ? stored : try ArchiveCipher.open(stored, fileID: record.id, ring: phi)
        let assessor = FileAssessor(identity: identity)
        let receivedDate = CalendarDate(utc: record.receivedAt)
        let assessment = try await Blocking.run {
            try assessor.assess(X12Source(bytes: bytes), partner: partner, receivedDate: receivedDate)
        }
        guard let (interchange, header, claim) = Self.locate(reference.claimIndex, in: assessment) else { return nil }
        let outcome: ClaimOutcome =
            decision == .released
            ? .accepted(payerClaimControlNumber: reference.description) : .rejected([Self.reviewRejection])
        let timestamp = AcknowledgmentTimestamp(time)
        let report = ClaimAcknowledgmentReport(
            header: header, receivedDate: receivedDate, decisions: [ClaimDecision(claim: claim, outcome: outcome)])
        let number = Int(
            try await ControlNumberRepository(database: database).nextControlNumber(
                partner: partner.id, kind: ControlNumberRepository.Kind.interchange))
        let ack = ClaimAcknowledgmentBuilder.build(
            [report], source: InformationSource(name: identity.name, identifier: identity.id),
            envelope: AcknowledgmentEnvelope(
                inbound: InboundInterchange(interchange), interchangeControlNumber: number, timestamp: timestamp),
            groupControlNumber: number)
        let name = acknowledgmentFileName
            .replacingOccurrences(of: "{timestamp}", with: Self.compactTimestamp(time))
            .replacingOccurrences(of: "{name}", with: "\(record.originalName)_\(reference)")
            .replacingOccurrences(of: "{kind}", with: AcknowledgmentFileKind.claim.rawValue)
        try await Blocking.run { try DurableFile.write(ack, named: name, in: directories.outbox(for: partner.id)) }
        _ = try await AcknowledgmentRepository(database: database).recordAcknowledgment(
            fileID: record.id, kind: .claimAcknowledgment277CA, fileName: name, interchangeControlNumber: String(number))
        return name
    }

    /// The interchange, transaction-set header and claim at file-level `index` (the store's order).
    static func locate(_ index: Int, in assessment: FileAssessment) -> (Interchange, SubmissionHeader, Claim)? {
        var position = 0
        for interchange in assessment.interchanges {
            for set in interchange.groups.flatMap(\.transactionSets) {
                guard let parsed = set.parsed, set.verdict.disposition != .rejected else { continue }
                if index < position + parsed.claims.count {
                    return (interchange.interchange, parsed.header, parsed.claims[index - position])
                }
                position += parsed.claims.count
            }
        }
        return nil
    }
}
