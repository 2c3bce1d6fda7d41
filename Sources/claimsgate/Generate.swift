import ArgumentParser
import ClaimsPipeline
import ClaimsSynthetic
import Foundation

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic, guide-valid synthetic 837P file (deterministic from the seed; no real PHI).")

    @Option(help: "Number of claims.")
    var claims: Int

    @Option(help: "Seed: the same seed writes the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "ISA06 sender id (qualifier ZZ).")
    var sender: String = "DEMOSUBMITTER"

    @Option(help: "ISA08 receiver id (qualifier ZZ).")
    var receiver: String = "CLAIMSGATE"

    @Option(help: "Output file.")
    var out: String

    @Flag(help: "Plant risky patterns per the documented ground-truth denial process and write the labels to <out>.labels.csv.")
    var labelled = false

    func validate() throws {
        guard claims > 0 else { throw ValidationError("--claims must be at least 1") }
    }

    func run() async throws {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.senderID = sender
        options.receiverID = receiver
        options.labelled = labelled
        let file: SyntheticClaimFile
        do {
            file = try SyntheticClaimFile(options)
        } catch {
            throw ValidationError(error.description)
        }
        let url = URL(fileURLWithPath: out)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).part")
        _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        try file.write(to: handle)
        try handle.close()
        // Renamed only when complete, so an inbox watcher never takes a half-written file.
        try DurableFile.move(temporary, to: url)
        if labelled {
            let labels = URL(fileURLWithPath: out + ".labels.csv")
            _ = FileManager.default.createFile(atPath: labels.path, contents: nil)
            let handle = try FileHandle(forWritingTo: labels)
            try file.writeLabels(to: handle)
            try handle.close()
        }
    }
}
