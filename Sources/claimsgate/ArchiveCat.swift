import ArgumentParser
import ClaimsApp
import Foundation
import Logging

struct ArchiveCat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat", abstract: "Decrypt an archived or quarantined 837 to standard output (audited first).")

    @OptionGroup var options: DataRootOptions

    @Argument(help: "The file id (files.id, as in the logs and audit records).")
    var fileID: Int64

    func run() async throws {
        let logger = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        try await OperatorSession.with(root: options.rootURL, configFile: options.configURL, logger: logger) { session in
            try await session.readArchive(fileID: fileID) { try FileHandle.standardOutput.write(contentsOf: Data($0)) }
        }
    }
}
