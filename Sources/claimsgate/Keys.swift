import ArgumentParser

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the audit and PHI key files.", subcommands: [KeysRotate.self])
}
