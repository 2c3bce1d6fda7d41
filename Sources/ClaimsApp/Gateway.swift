import AuditLog
import ClaimsCrypto
import ClaimsPipeline
import ClaimsStore
import Foundation
import InboxWatcher
import Logging
import ServiceLifecycle

/// The running gateway: its database (embedded or configured), the inbox watcher, and the
/// pipeline each received file goes through. One `Service`, so SIGTERM shuts it down gracefully:
/// the watcher stops, the file in hand is finished, the embedded PostgreSQL is stopped.
public struct Gateway: Service {
    public let configuration: GatewayConfiguration
    let logger: Logger
    /// The partner list, current after reloads of `partners.yaml`.
    let partners: PartnerRegistry
    /// Told when the watcher accepts files; logs `ready` once every part of `serve` does.
    let readiness: StartupBarrier
    /// Shared with the other services of `serve`; attached to the audit trail once it exists.
    let auditRelay: AuditRelay

    public init(
        configuration: GatewayConfiguration, logger: Logger, partners: PartnerRegistry? = nil,
        readiness: StartupBarrier? = nil, audit: AuditRelay = AuditRelay()
    ) {
        auditRelay = audit
        self.configuration = configuration
        self.logger = logger
        self.partners = partners ?? PartnerRegistry(configuration.partners, logger: logger)
        self.readiness = readiness ?? StartupBarrier(waitingFor: [.watcher], logger: logger)
    }

    public func run() async throws {
        HeapTuning.apply()
        try prepareDirectories()
        let embedded = try configuration.databaseURL == nil ? Self.startEmbeddedDatabase(configuration, logger: logger) : nil
        do {
            try await serve(databaseURL: configuration.databaseURL ?? embedded!.url)
        } catch {
            try? await embedded?.stop()
            throw error
        }
        try await embedded?.stop()
    }

    func serve(databaseURL: String) async throws {
        let database = try Database(
            configuration: DatabaseConfiguration(url: databaseURL, poolSize: configuration.databasePoolSize),
            logger: logger)
        defer { database.shutdown() }
        try await database.migrate()
        let keys = try GatewayKeys.load(configuration.security, create: true)
        try await keys.register(in: database, configuration.security)
        let trail = configuration.security.auditEnabled ? Self.auditTrail(configuration, keys, databaseURL, logger) : nil
        let audit: any AuditRecorder = trail ?? DisabledAuditRecorder()
        auditRelay.attach(audit)
        keys.recordGenerated(to: audit, actor: "system:gateway")
        audit.record(
            action: "config.loaded", actor: "system:gateway", object: "config:\(configuration.sourceFile?.lastPathComponent ?? "defaults")",
            outcome: .success,
            details: [
                "file": configuration.sourceFile?.path ?? "", "partners": configuration.partners.map(\.id).joined(separator: ","),
                "audit.key": String(keys.audit.currentID), "phi.key": String(keys.phi.currentID),
                "retention.days": configuration.security.retentionDays.map(String.init) ?? "none",
            ])
        do {
            try await serve(database: database, keys: keys, audit: audit)
        } catch {
            auditRelay.detach()
            try? await trail?.close()
            throw error
        }
        auditRelay.detach()
        try await trail?.close()
    }

    func serve(database: Database, keys: GatewayKeys, audit: any AuditRecorder) async throws {
        let processor = try configuration.fileProcessor(database: database, phi: keys.phi, audit: audit, logger: logger)
        try await resumeUnfinished(processor, database: database)

        let watcher = InboxWatcher(
            configuration: .init(
                root: configuration.inboxDirectory, partners: Set(partners.all.map(\.id)),
                ignoredSuffixes: configuration.ignoredSuffixes),
            logger: logger)
        try watcher.start()
        partners.onReplace { list in watcher.update(partners: Set(list.map(\.id))) }
        logger.info(
            "watching inbox",
            metadata: ["inbox": "\(configuration.inboxDirectory.path)", "partners": "\(configuration.partners.count)"])
        readiness.report(.watcher)

        let retention = configuration.security.retentionDays.map {
            RetentionJob(maxAgeDays: $0, database: database, phi: keys.phi, audit: audit, logger: logger)
        }
        let retentionInterval = Duration.seconds(configuration.security.retentionIntervalSeconds)
        await withTaskGroup(of: Void.self) { group in
            if let retention { group.addTask { await retention.run(every: retentionInterval) } }
            await withGracefulShutdownHandler {
                for await file in watcher.files {
                    await take(file, with: processor)
                }
            } onGracefulShutdown: {
                watcher.stop()
            }
            group.cancelAll()
        }
        logger.info("stopped")
    }

    /// Processes one inbox file; a failure is contained to that file (logged, left for the next
    /// start to resume) and never stops the gateway.
    func take(_ file: InboxFile, with processor: FileProcessor) async {
        // A partners.yaml edited since the last file applies to this one (thresholds, policies).
        partners.reloadIfChanged()
        guard let partner = partners.partner(file.partner) else { return }
        do {
            try await processor.intake(file.url, partner: partner, channel: .inbox)
        } catch {
            logger.error(
                "file processing failed; it will be resumed",
                metadata: ["partner.id": "\(file.partner)", "error": "\(error)"])
        }
        // What the file's arrays freed goes back to the system before the next file.
        HeapTuning.releaseFreeMemory()
    }

    /// Files a previous run left between states: finished before new ones are taken.
    func resumeUnfinished(_ processor: FileProcessor, database: Database) async throws {
        let unfinished = try await FileRepository(database: database).files(
            inState: [.received, .processing, .persisted, .acknowledged])
        for record in unfinished {
            guard let partner = partners.partner(record.partner) else { continue }
            do {
                try await processor.resume(record, partner: partner)
            } catch {
                logger.error("resuming a file failed", metadata: ["file.id": "\(record.id)", "error": "\(error)"])
            }
        }
        let swept = try processor.sweepStagedFiles()
        if swept > 0 { logger.info("removed files staged by unfinished attempts", metadata: ["files": "\(swept)"]) }
    }

    /// The audit writer on its own connection, checkpointing as configured.
    static func auditTrail(
        _ configuration: GatewayConfiguration, _ keys: GatewayKeys, _ databaseURL: String, _ logger: Logger
    ) -> AuditTrail {
        let security = configuration.security
        return AuditTrail(
            conninfo: databaseURL, ring: keys.audit,
            policy: .init(every: security.checkpointEvery, intervalMicros: security.checkpointIntervalSeconds * 1_000_000),
            mirror: security.checkpointFile.map(AuditCheckpointMirror.init(url:)), logger: logger)
    }

    static func startEmbeddedDatabase(_ configuration: GatewayConfiguration, logger: Logger) throws -> EmbeddedPostgres {
        let postgres = try EmbeddedPostgres(
            directory: configuration.embeddedDatabaseDirectory.path, logger: logger)
        try postgres.startBlocking()
        logger.info("embedded PostgreSQL running", metadata: ["pg.directory": "\(postgres.directory)"])
        return postgres
    }

    func prepareDirectories() throws {
        try configuration.prepareVarDirectory()
        for directory in [
            configuration.inboxDirectory, configuration.outboxDirectory, configuration.processingDirectory,
            configuration.archiveDirectory, configuration.quarantineDirectory,
        ] {
            try DurableFile.createDirectory(directory)
        }
        // Partner folders exist before `ready`, so a file dropped right after it has somewhere to go.
        for partner in partners.all {
            try DurableFile.createDirectory(configuration.inboxDirectory.appendingPathComponent(partner.id))
        }
    }
}
