import ArgumentParser
import ClaimsApp
import ClaimsStore
import Foundation
import Logging

struct AuditShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Decrypt and print audit records (this read is itself audited).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: DataRootOptions

    @Option(help: "Only records at or after this UTC date or time (2026-11-30 or 2026-11-30T10:15:00Z).")
    var since: String?

    @Option(help: "Only records concerning this partner.")
    var partner: String?

    @Option(help: "Only this action (file.received, ack.written, keys.rotated, …).")
    var action: String?

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        if let since, Self.micros(since) == nil { throw ValidationError("--since: expected YYYY-MM-DD or an ISO 8601 time") }
    }

    func run() async throws {
        let logger = Logger(label: "claimsgate") { _ in SwiftLogNoOpLogHandler() }
        let filter = AuditFilter(sinceMicros: since.flatMap(Self.micros), partner: partner, action: action)
        let entries = try await OperatorSession.with(root: options.rootURL, configFile: options.configURL, logger: logger) {
            try await $0.showAudit(filter)
        }
        switch format {
        case .text:
            for entry in entries { print(entry.text) }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        }
    }

    static func micros(_ text: String) -> Int64? {
        let full = ISO8601DateFormatter()
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = full.date(from: text) ?? day.date(from: text) else { return nil }
        return Int64(date.timeIntervalSince1970 * 1_000_000)
    }
}
