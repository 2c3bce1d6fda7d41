import ArgumentParser
import ClaimsApp
import Foundation
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway: watch the partners' inboxes and process every file that arrives.")

    @Option(help: "Data root holding inbox/, var/ and Config/.")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Gateway configuration file (default: <root>/Config/gateway.yaml, else built-in defaults).")
    var config: String?

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "claimsgate")
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let configuration = try ConfigurationLoader.load(
            root: rootURL, configFile: config.map { URL(fileURLWithPath: $0) })
        let gateway = Gateway(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: gateway)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
