import ClaimsCore
import ClaimsCrypto
import ClaimsStore
import Foundation
import X12
import X12Acknowledgments

#if canImport(Glibc)
    import Glibc
#endif

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
        guard let stored = try await Blocking.run({ try Self.mapRegularFile(URL(fileURLWithPath: path)) }) else {
            return nil
        }
        // Archived files are sealed (`ArchiveCipher`); a file still in processing/ is clear.
        let sealed = SealedBox.keyID(of: stored.bytes) != nil
        let source = try await Blocking.run { [phi, directories] in
            sealed ? try Self.unsealed(stored, fileID: record.id, ring: phi, in: directories.processing) : stored
        }
        let assessor = FileAssessor(identity: identity)
        let receivedDate = CalendarDate(utc: record.receivedAt)
        let found = try await Blocking.run { [windowBytes] in
            try Self.claim(
                reference.claimIndex, in: source, assessor: assessor, partner: partner, receivedDate: receivedDate,
                windowBytes: windowBytes)
        }
        guard let (interchange, header, claim) = found else { return nil }
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

    /// The interchange, transaction-set header and claim at file-level `index` (the store's
    /// order), judging the file a window at a time as `processWindows` stored it: never all of a
    /// large file's claims at once.
    static func claim(
        _ index: Int, in source: X12Source, assessor: FileAssessor, partner: PartnerConfiguration,
        receivedDate: CalendarDate, windowBytes: Int
    ) throws -> (Interchange, SubmissionHeader, Claim)? {
        let envelope = try assessor.readEnvelope(source, partner: partner)
        var first = 0
        for places in windows(envelope.judgeablePlaces, of: envelope, windowBytes: windowBytes) {
            let window = assessor.judge(places, of: envelope, partner: partner, receivedDate: receivedDate)
            if index < first + window.storedClaimCount { return locate(index - first, in: window) }
            first += window.storedClaimCount
            // As in `processWindows`, the window's pages go back before the next; a decision, a
            // one-off command, hands back the heap too.
            source.release(envelope.byteRange(of: places))
            HeapTuning.releaseFreeMemory()
        }
        return nil
    }

    /// A sealed archive opened into an unnamed file in `directory` and mapped: the clear file is
    /// never whole in memory, and never left on disk (an `O_TMPFILE` has no name; the system frees
    /// it when its mapping goes, crash or not). Only a file whose tag verified is returned.
    static func unsealed(_ sealed: X12Source, fileID: Int64, ring: KeyRing, in directory: URL) throws -> X12Source {
        let descriptor = open(directory.path, unnamedFileFlags, 0o600)
        guard descriptor >= 0 else { throw DurableFile.Failure(operation: "open O_TMPFILE", path: directory.path, code: errno) }
        defer { close(descriptor) }
        try ArchiveCipher.open(sealed, fileID: fileID, ring: ring) { slice in
            var offset = 0
            while offset < slice.count {
                let written = write(descriptor, slice.baseAddress! + offset, slice.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DurableFile.Failure(operation: "write", path: directory.path, code: errno)
                }
                offset += written
            }
        }
        do {
            return try X12Source(mapping: descriptor)
        } catch {
            throw DurableFile.Failure(operation: "mmap", path: directory.path, code: error.code)
        }
    }

    /// `O_TMPFILE | O_RDWR | O_CLOEXEC`; Glibc's `O_TMPFILE` macro does not reach Swift, and its
    /// `__O_TMPFILE` bit is the same on every architecture Swift runs on.
    private static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC

    /// The interchange, transaction-set header and claim at `index` among the claims `assessment`
    /// stores.
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
