import AuditLog
import ClaimsCore
import ClaimsCrypto
import ClaimsStore
import Foundation
import Logging
import X12
import X12Acknowledgments

/// Takes each received file through its life: registered, moved out of the inbox, assessed,
/// its claims stored, its acknowledgments written, archived (or quarantined).
///
/// Every step is recorded in the `files` state machine before the next begins and is safe to
/// repeat, so `resume` after a crash finishes a file without losing it, storing a claim twice
/// or issuing a second set of acknowledgments.
public struct FileProcessor: Sendable {
    public var identity: GatewayIdentity
    public var directories: PipelineDirectories
    /// `{timestamp}`, `{name}`, `{kind}`.
    public var acknowledgmentFileName: String
    /// The scoring stage; nil when no model is configured (claims are stored unscored).
    public var risk: RiskStage?
    /// Bytes of transaction sets judged, stored and answered together (see `processWindows`).
    public var windowBytes = FileProcessor.defaultWindowBytes
    let database: Database
    /// Seals demographics in the database and archived files on disk.
    let phi: KeyRing
    let audit: any AuditRecorder
    let logger: Logger

    public init(
        identity: GatewayIdentity, directories: PipelineDirectories, acknowledgmentFileName: String,
        risk: RiskStage? = nil, database: Database, phi: KeyRing, audit: any AuditRecorder, logger: Logger
    ) {
        self.identity = identity
        self.directories = directories
        self.acknowledgmentFileName = acknowledgmentFileName
        self.risk = risk
        self.database = database
        self.phi = phi
        self.audit = audit
        self.logger = logger
    }

    var files: FileRepository { FileRepository(database: database) }

    /// Takes `url` (a complete file in `partner`'s inbox) into the pipeline and processes it.
    public func intake(_ url: URL, partner: PartnerConfiguration, channel: FileChannel) async throws {
        let name = url.lastPathComponent
        var clock = StageClock()
        guard let (sha256, size) = try await Blocking.run({ try Self.fingerprintRegularFile(url) }) else { return }
        let record = try await files.registerFile(
            partner: partner.id, channel: channel, originalName: name, sha256: sha256, sizeBytes: Int64(size))
        var logger = logger
        logger[metadataKey: "file.id"] = "\(record.id)"
        logger[metadataKey: "partner.id"] = "\(partner.id)"
        logger.info("file received", metadata: ["file.bytes": "\(size)", "file.channel": "\(channel.rawValue)"])
        audit.record(
            action: "file.received", actor: "partner:\(partner.id)", object: "file:\(record.id)", outcome: .success,
            details: [
                "name": name, "size": String(size), "sha256": record.sha256, "channel": channel.rawValue,
            ],
            partner: partner.id)

        let processing = directories.processing.appendingPathComponent("\(record.id)_\(name)")
        try await Blocking.run { try DurableFile.move(url, to: processing) }
        var current = record
        try await advance(&current, to: .processing, storedPath: processing.path)
        // Mapped only once in processing/, where nothing but the gateway writes: a mapping faults
        // the process if its file is truncated under it, as a shared inbox's could be.
        guard let source = try await Blocking.run({ try Self.mapRegularFile(processing) }) else {
            throw DurableFile.Failure(operation: "open", path: processing.path, code: ENOENT)
        }
        clock.lap("receive")
        try await process(current, source: source, at: processing, partner: partner, clock: clock, logger: logger)
    }

    /// Finishes a file a previous run left unfinished (state received, processing, persisted or
    /// acknowledged), from wherever its bytes now are.
    public func resume(_ record: FileRecord, partner: PartnerConfiguration) async throws {
        var logger = logger
        logger[metadataKey: "file.id"] = "\(record.id)"
        logger[metadataKey: "partner.id"] = "\(partner.id)"
        logger.info("resuming unfinished file", metadata: ["file.state": "\(record.state.rawValue)"])
        guard let path = record.storedPath else {
            // Registered but never moved: the inbox copy is still there and the watcher's scan
            // will take it again (registration is idempotent).
            return
        }
        let url = URL(fileURLWithPath: path)
        let archived = archivePath(for: record, at: url)
        guard let source = try await Blocking.run({ try Self.mapRegularFile(url) }) else {
            if record.state == .acknowledged, FileManager.default.fileExists(atPath: archived.path) {
                // Stopped between sealing the archive copy and recording it.
                var current = record
                return try await advance(&current, to: .archived, storedPath: archived.path)
            }
            try await files.recordError(record.id, code: "missing", message: "the stored copy of the file is gone")
            _ = try await files.transition(record.id, from: [record.state], to: .quarantined)
            return
        }
        var current = record
        if current.state == .received { try await advance(&current, to: .processing, storedPath: path) }
        try await process(current, source: source, at: url, partner: partner, clock: StageClock(), logger: logger)
    }

    // MARK: Steps

    func process(
        _ file: FileRecord, source: X12Source, at url: URL, partner: PartnerConfiguration, clock: StageClock,
        logger: Logger
    ) async throws {
        var clock = clock
        guard source.bytes.count <= partner.maxFileSize else {
            return try await quarantine(
                file, at: url, code: "oversize",
                reason: "file of \(source.bytes.count) bytes exceeds the partner's limit of \(partner.maxFileSize)",
                logger: logger)
        }
        let assessor = FileAssessor(identity: identity)
        var envelope: FileAssessment
        do {
            envelope = try await Blocking.run { try assessor.readEnvelope(source, partner: partner) }
        } catch let error as EnvelopeError {
            return try await quarantine(file, at: url, code: "not-x12", reason: error.reason, logger: logger)
        }
        try await rejectRepeatedInterchanges(in: &envelope, of: file, partner: partner)
        clock.lap("envelope")
        var record = file
        if record.state == .processing {
            try await files.recordInterchangeCount(record.id, envelope.interchanges.count)
        }
        let acknowledgments = try await acknowledgmentStream(for: envelope, record: record, partner: partner)
        let progress = try await processWindows(
            of: envelope, source: source, record: record, partner: partner, acknowledgments: acknowledgments,
            clock: &clock, logger: logger)
        if record.state == .processing {
            try await advance(&record, to: .persisted)
            clock.lap("persist")
        }
        if record.state == .persisted, let acknowledgments {
            try await recordAcknowledgments(try await acknowledgments.finish(), of: record, partner: partner)
            try await advance(&record, to: .acknowledged)
            clock.lap("acknowledge")
        }
        let archived = archivePath(for: record, at: url)
        let ring = phi
        let fileID = record.id
        try await Blocking.run {
            try DurableFile.replace(url, at: archived) { try ArchiveCipher.seal(source, fileID: fileID, ring: ring, into: $0) }
        }
        try await advance(&record, to: .archived, storedPath: archived.path)
        clock.lap("archive")
        let (interchanges, claims, accepted) = (envelope.interchanges.count, progress.claimCount, progress.acceptedClaims)
        audit.record(
            action: "file.processed", actor: "system:gateway", object: "file:\(record.id)", outcome: .success,
            details: [
                "interchanges": String(interchanges), "claims": String(claims),
                "accepted": String(accepted), "rejected": String(claims - accepted),
                "archive.key": String(phi.currentID),
            ],
            partner: partner.id)
        logger.info(
            "file processed",
            metadata: [
                "file.interchanges": "\(interchanges)",
                "file.claims": "\(claims)",
                "file.claims.accepted": "\(accepted)",
                "file.stages": "\(clock.summary)",
            ])
    }

    /// Checks the file's interchanges against the register of those already received from the
    /// partner (TA1 025 for a repeat), then registers them. Deterministic on resume: the file's own
    /// registrations are excluded from the check.
    func rejectRepeatedInterchanges(in assessment: inout FileAssessment, of file: FileRecord, partner: PartnerConfiguration)
        async throws
    {
        let register = InterchangeRepository(database: database)
        let keys = assessment.interchanges.filter { !$0.isRejected }.map { InterchangeRepository.Key($0.interchange.header) }
        let repeated = try await register.duplicates(of: keys, partner: partner.id, excludingFile: file.id)
        assessment.rejectRepeated { repeated.contains(InterchangeRepository.Key($0)) }
        try await register.record(keys, partner: partner.id, fileID: file.id)
    }

    /// Removes what attempts that never finished staged in `processing/` (a 277CA being written
    /// when the gateway stopped, for a file not resumed since). Only for when no file is in
    /// flight: after the unfinished files are resumed, before new ones are taken. Returns how many.
    public func sweepStagedFiles() throws -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directories.processing.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            try DurableFile.remove(directories.processing.appendingPathComponent(name))
            removed += 1
        }
        return removed
    }

    /// Moves the file's row to the state after its current one; fails when another worker moved
    /// it first, so a file is never carried on twice.
    func advance(_ record: inout FileRecord, to state: FileState, storedPath: String? = nil) async throws {
        guard try await files.transition(record.id, from: [record.state], to: state, storedPath: storedPath) else {
            throw StoreError(code: .invalidTransition, message: "file \(record.id) left state \(record.state.rawValue) elsewhere")
        }
        record.state = state
        if let storedPath { record.storedPath = storedPath }
    }

    /// Where the file's acknowledgments are built as its windows are judged; nil when they are
    /// all written already (a resumed file).
    func acknowledgmentStream(for envelope: FileAssessment, record: FileRecord, partner: PartnerConfiguration)
        async throws -> AcknowledgmentStream?
    {
        guard record.state != .acknowledged else { return nil }
        let written = Set(try await AcknowledgmentRepository(database: database).acknowledgments(fileID: record.id).map(\.kind.rawValue))
        let kinds = AcknowledgmentFileKind.allCases.filter { !written.contains($0.rawValue) }
        var planner = AcknowledgmentPlanner(
            identity: identity, partner: partner, receivedAt: AcknowledgmentTimestamp(record.receivedAt), fileID: record.id)
        if record.state == .persisted {
            // Stored by an earlier attempt: the held claims are in the store, not in this run's windows.
            planner.heldClaims = try await ReviewRepository(database: database).heldClaims(fileID: record.id)
        }
        let controlNumbers = ControlNumberRepository(database: database)
        return try AcknowledgmentStream(
            planner: planner, envelope: envelope, kinds: kinds, outbox: directories.outbox(for: partner.id),
            staging: directories.processing, fileName: { fileName(for: $0, record: record) },
            nextControlNumber: {
                Int(try await controlNumbers.nextControlNumber(partner: partner.id, kind: ControlNumberRepository.Kind.interchange))
            })
    }

    /// Records the acknowledgment files just written to the outbox (so a resumed file does not
    /// write them again) and audits each.
    func recordAcknowledgments(_ written: [AcknowledgmentStream.Written], of record: FileRecord, partner: PartnerConfiguration)
        async throws
    {
        let acknowledgments = AcknowledgmentRepository(database: database)
        for file in written {
            _ = try await acknowledgments.recordAcknowledgment(
                fileID: record.id, kind: file.kind.storedKind, fileName: file.name,
                interchangeControlNumber: String(file.controlNumbers[0]))
            audit.record(
                action: "ack.written", actor: "system:gateway", object: "file:\(record.id)", outcome: .success,
                details: ["kind": file.kind.rawValue, "name": file.name, "isa13": String(file.controlNumbers[0])],
                partner: partner.id)
        }
    }

    func quarantine(_ record: FileRecord, at url: URL, code: String, reason: String, logger: Logger) async throws {
        let destination = directories.quarantine.appendingPathComponent(url.lastPathComponent)
        let report = QuarantineReport(record: record, code: code, reason: reason)
        let ring = phi
        try await Blocking.run {
            // Quarantined inputs are sealed too: a broken 837 still holds PHI.
            let source = try Self.mapRegularFile(url) ?? X12Source(bytes: [])
            try DurableFile.replace(url, at: destination) {
                try ArchiveCipher.seal(source, fileID: record.id, ring: ring, into: $0)
            }
            try DurableFile.write(report.json, named: destination.lastPathComponent + ".error.json", in: directories.quarantine)
        }
        try await files.recordError(record.id, code: code, message: reason)
        _ = try await files.transition(
            record.id, from: [.received, .processing, .persisted, .acknowledged], to: .quarantined,
            storedPath: destination.path)
        logger.warning("file quarantined", metadata: ["error.code": "\(code)", "error.reason": "\(reason)"])
        audit.record(
            action: "file.quarantined", actor: "system:gateway", object: "file:\(record.id)", outcome: .failure,
            details: ["code": code, "reason": reason], partner: record.partner)
    }

    /// Where the sealed copy of a file processed from `url` goes: `archive/<yyyy>/<mm>/<id>_<name>`.
    func archivePath(for record: FileRecord, at url: URL) -> URL {
        directories.archive(receivedAt: record.receivedAt).appendingPathComponent(url.lastPathComponent)
    }

    /// `{timestamp}_{name}_{kind}.x12` by default; the timestamp is the receipt time, so a retry
    /// after a crash writes the same name instead of a second file.
    func fileName(for kind: AcknowledgmentFileKind, record: FileRecord) -> String {
        acknowledgmentFileName
            .replacingOccurrences(of: "{timestamp}", with: Self.compactTimestamp(record.receivedAt))
            .replacingOccurrences(of: "{name}", with: record.originalName)
            .replacingOccurrences(of: "{kind}", with: kind.rawValue)
    }

    static func compactTimestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// The file mapped (never read whole), or nil when it is gone or not a regular file.
    public static func mapRegularFile(_ url: URL) throws -> X12Source? {
        guard let descriptor = try openRegularFile(url) else { return nil }
        defer { close(descriptor) }
        do {
            return try X12Source(mapping: descriptor)
        } catch {
            throw DurableFile.Failure(operation: "mmap", path: url.path, code: error.code)
        }
    }

    /// SHA-256 and size of the file, read through a small buffer; nil when it is gone or not a
    /// regular file.
    static func fingerprintRegularFile(_ url: URL) throws -> (sha256: String, size: Int)? {
        guard let descriptor = try openRegularFile(url) else { return nil }
        defer { close(descriptor) }
        let (sha256, size) = try SHA256.hex(reading: descriptor, path: url.path)
        return (sha256, size)
    }

    /// The file opened for reading, or nil when it is gone or not a regular file (a symlink is
    /// never followed, a FIFO never waited on).
    static func openRegularFile(_ url: URL) throws -> Int32? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ELOOP || errno == ENXIO { return nil }
            throw DurableFile.Failure(operation: "open", path: url.path, code: errno)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        return descriptor
    }
}

extension AcknowledgmentTimestamp {
    /// The UTC date, hour and minute of `date`.
    public init(_ date: Date) {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        self.init(
            date: CalendarDate(year: c.year!, month: c.month!, day: c.day!)!, hour: c.hour!, minute: c.minute!)
    }
}

extension InterchangeRepository.Key {
    init(_ header: InterchangeHeader) {
        self.init(senderQualifier: header.senderQualifier, senderID: header.senderID, controlNumber: header.controlNumber)
    }
}

extension AcknowledgmentFileKind {
    /// The `acknowledgments.kind` this file kind is recorded under.
    var storedKind: AcknowledgmentKind {
        switch self {
        case .ta1: .ta1
        case .implementation: .implementation999
        case .claim: .claimAcknowledgment277CA
        }
    }
}
