import ArgumentParser
import Foundation

/// `--root` and `--config`, as `serve` takes them: operator commands reach the same database
/// and key files as the gateway on that data root.
struct DataRootOptions: ParsableArguments {
    @Option(help: "Data root holding inbox/, var/ and Config/.")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Gateway configuration file (default: <root>/Config/gateway.yaml, else built-in defaults).")
    var config: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
    var configURL: URL? { config.map { URL(fileURLWithPath: $0) } }
}
