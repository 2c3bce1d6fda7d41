import ClaimsStore
import AuditLog
import Foundation
import Logging
import SFTPGateway
import ServiceLifecycle

/// The SFTP front door as a service of `serve`: starts the libssh server on its own threads, keeps
/// the partner accounts current, reports readiness, and stops the server on graceful shutdown.
public struct SFTPEndpoint: Service {
    let configuration: GatewayConfiguration
    let partners: PartnerRegistry
    let readiness: StartupBarrier
    /// Where logins, bans, uploads and downloads are audited.
    let audit: any AuditRecorder
    let logger: Logger
    /// Counters for the admin API.
    public let metrics: SFTPMetrics

    public init(
        configuration: GatewayConfiguration, partners: PartnerRegistry, readiness: StartupBarrier,
        audit: any AuditRecorder, logger: Logger, metrics: SFTPMetrics = SFTPMetrics()
    ) {
        self.audit = audit
        self.configuration = configuration
        self.partners = partners
        self.readiness = readiness
        self.logger = logger
        self.metrics = metrics
    }

    public func run() async throws {
        let inspector = ClaimsUploadInspector(
            partners: partners, quarantine: configuration.quarantineDirectory, logger: logger)
        let server = SFTPServer(
            configuration: configuration.sftp.serverConfiguration(configuration), accounts: partners.accounts,
            inspector: inspector, audit: SFTPAuditAdapter(recorder: audit, next: LoggingAuditSink(logger: logger)), metrics: metrics, logger: logger)
        _ = try await onDedicatedThread(name: "sftp-start") { try server.start() }
        readiness.report(.sftp)
        try? await gracefulShutdown()
        _ = try? await onDedicatedThread(name: "sftp-stop") { server.stop() }
    }

    /// The services `serve` runs, in start order: the gateway (database, watcher, pipeline), the
    /// partners reloader and, when enabled, the SFTP endpoint. They share one partner registry and
    /// one readiness barrier. `var/` is prepared first, as they start together.
    public static func services(configuration: GatewayConfiguration, logger: Logger) throws -> [any Service] {
        try configuration.prepareVarDirectory()
        let audit = AuditRelay()
        let partners = PartnerRegistry(configuration.partners, file: configuration.partnersFile, logger: logger, audit: audit)
        let sftp = configuration.sftp.enabled
        let readiness = StartupBarrier(waitingFor: sftp ? [.watcher, .sftp] : [.watcher], logger: logger)
        let gateway = Gateway(
            configuration: configuration, logger: logger, partners: partners, readiness: readiness, audit: audit)
        let reloader = PartnersReloader(registry: partners)
        guard sftp else { return [gateway, reloader] }
        return [
            gateway, reloader,
            SFTPEndpoint(
                configuration: configuration, partners: partners, readiness: readiness, audit: audit, logger: logger),
        ]
    }
}
