import ArgumentParser
import ClaimsApp
import Foundation
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway: the SFTP endpoint, the inbox watcher, and the pipeline every arriving file goes through.")

    @Option(help: "Data root holding inbox/, var/ and Config/.")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Gateway configuration file (default: <root>/Config/gateway.yaml, else built-in defaults).")
    var config: String?

    @Option(help: "SFTP port (overrides sftp.port in gateway.yaml; 0 picks a free port, logged as sftp.port).")
    var sftpPort: Int?

    func validate() throws {
        if let sftpPort, !(0...65535).contains(sftpPort) { throw ValidationError("--sftp-port must be 0...65535") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "claimsgate")
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        var configuration = try ConfigurationLoader.load(
            root: rootURL, configFile: config.map { URL(fileURLWithPath: $0) })
        if let sftpPort { configuration.sftp.port = sftpPort }
        let services = try SFTPEndpoint.services(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}
