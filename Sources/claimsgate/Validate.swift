import ArgumentParser
import ClaimsApp
import ClaimsPipeline
import Foundation
import ClaimsCore
import X12

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an 837P file offline; optionally write the acknowledgments serve would emit.",
        discussion: "Exit status: 0 when everything was accepted, 1 when anything was rejected, 2 on usage errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The X12 file to check.")
    var file: String

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Write the TA1/999/277CA files for FILE into this directory.")
    var ackDir: String?

    @Option(help: "Check the ISA sender and receiver as this configured partner would be (default: any sender).")
    var partner: String?

    @Option(help: "Data root whose Config/ names the gateway and its partners.")
    var root: String = FileManager.default.currentDirectoryPath

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ValidationError("cannot read \(file)")
        }
        let configuration = try ConfigurationLoader.load(root: URL(fileURLWithPath: root, isDirectory: true))
        let partnerConfiguration: PartnerConfiguration
        if let partner {
            guard let configured = configuration.partner(partner) else {
                throw ValidationError("no partner \(partner) in the configuration")
            }
            partnerConfiguration = configured
        } else {
            partnerConfiguration = .anySender
        }
        let source = X12Source(bytes: [UInt8](data))
        let progress = TerminalProgress.onStandardError(label: url.lastPathComponent, fileBytes: data.count)
        var onProgress: FileAssessor.Progress?
        if let progress { onProgress = { done, total in progress.update(done: done, total: total) } }
        let assessment: FileAssessment
        do {
            defer { progress?.finish() }
            assessment = try FileAssessor(identity: configuration.identity, checksRouting: partner != nil)
                .assess(
                    source, partner: partnerConfiguration, receivedDate: CalendarDate(utc: Date()),
                    progress: onProgress)
        } catch {
            print("\(file): rejected — not an X12 interchange: \(error.reason)")
            throw ExitCode(1)
        }
        let report = ValidationReport(file: url.lastPathComponent, assessment: assessment)
        print(format == .json ? report.json : report.text)
        if let ackDir {
            try await OfflineAcknowledgments.write(
                assessment, partner: partnerConfiguration, identity: configuration.identity,
                inboundName: url.lastPathComponent, to: URL(fileURLWithPath: ackDir, isDirectory: true))
        }
        if !report.accepted { throw ExitCode(1) }
    }
}
