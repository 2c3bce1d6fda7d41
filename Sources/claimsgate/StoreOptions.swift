import ArgumentParser
import ClaimsApp
import ClaimsStore
import Foundation
import Logging

/// Where the gateway's data and configuration are, for commands that use its database or config.
struct StoreOptions: ParsableArguments {
    @Option(help: "Data root holding inbox/, var/ and Config/.")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Gateway configuration file (default: <root>/Config/gateway.yaml).")
    var config: String?

    func configuration() throws -> GatewayConfiguration {
        try ConfigurationLoader.load(
            root: URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL,
            configFile: config.map { URL(fileURLWithPath: $0) })
    }

    func modelFile() throws -> URL {
        guard let url = try configuration().riskModelFile else { throw ValidationError("no risk model file configured") }
        return url
    }

    /// Runs `body` with the gateway's database (quiet logs: the command's output is its result).
    func withDatabase<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        let logger = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        return try await GatewayDatabase.with(try configuration(), logger: logger, body)
    }
}
