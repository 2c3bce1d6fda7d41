import ArgumentParser

struct Archive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read archived (encrypted) input files.", subcommands: [ArchiveCat.self])
}
