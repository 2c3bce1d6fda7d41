import ClaimsTestSupport
import Foundation
import Logging
import Testing

@testable import ClaimsApp

/// `serve`'s services start together, each creating its own folder under `var/`; `var/` has its
/// final mode before any of them runs, whoever created it before.
@Suite("var/ prepared before the services")
struct VarDirectoryTests {
    @Test(arguments: [nil, "postgresql://localhost/claimsgate"], [nil, 0o700])
    func servicesFindVarWithItsFinalMode(databaseURL: String?, earlierMode: Int?) throws {
        let root = try TemporaryDirectory(prefix: "cg-var")
        let configuration = GatewayConfiguration(root: root.url, databaseURL: databaseURL)
        if let earlierMode {
            try FileManager.default.createDirectory(
                at: configuration.varDirectory, withIntermediateDirectories: false,
                attributes: [.posixPermissions: earlierMode])
        }
        _ = try SFTPEndpoint.services(configuration: configuration, logger: Logger(label: "test"))
        let attributes = try FileManager.default.attributesOfItem(atPath: configuration.varDirectory.path)
        let mode = try #require(attributes[.posixPermissions] as? Int)
        // Root running the embedded cluster: its unprivileged user passes through var/ to var/pg/.
        let expected = geteuid() == 0 && databaseURL == nil ? 0o711 : earlierMode ?? 0o750
        #expect(mode == expected)
    }
}
