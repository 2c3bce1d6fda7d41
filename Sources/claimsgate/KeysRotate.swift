import ArgumentParser
import ClaimsApp
import Logging

struct KeysRotate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Add a new key id and make it current; older keys stay to read older data (audited).",
        discussion: "Restart serve afterwards: it seals under the key it loaded at start.")

    enum Purpose: String, ExpressibleByArgument, CaseIterable {
        case audit, phi, all
    }

    @OptionGroup var options: DataRootOptions

    @Option(help: "Which key file to rotate.")
    var purpose: Purpose = .all

    func run() async throws {
        let logger = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        let purposes = purpose == .all ? ["audit", "phi"] : [purpose.rawValue]
        let rotated = try await OperatorSession.with(root: options.rootURL, configFile: options.configURL, logger: logger) {
            try await $0.rotateKeys(purposes)
        }
        for name in purposes { print("\(name) key \(rotated[name]!) is now current") }
    }
}
