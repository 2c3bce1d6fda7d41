import ArgumentParser

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or read the encrypted, hash-chained audit trail.",
        subcommands: [AuditVerify.self, AuditShow.self])
}
