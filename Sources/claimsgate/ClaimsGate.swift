import ArgumentParser
import ClaimsPipeline

#if canImport(Glibc)
    import Glibc
#endif

@main
struct ClaimsGate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimsgate",
        abstract: "Healthcare claims intake gateway for X12 837P (005010X222A1).",
        subcommands: [
            Serve.self, Validate.self, Rules.self, Generate.self, Bench.self, Partners.self, Model.self, Review.self,
            CodeSetsCommand.self, BenchEdits.self, Audit.self, Keys.self, Archive.self,
        ])

    /// Sets the allocator up before any thread allocates, then parses and runs the command as
    /// ArgumentParser's own `main` does. Until glibc knows the arena limit it gives each new
    /// thread an arena of its own, and those stay: set later, by the gateway, the limit left the
    /// arenas the bench's generating and timing threads had made, and a 1,000,000-claim file's
    /// peak RSS went from about 125 MiB to 150–170 MiB in about one run of four (`HeapTuning`).
    static func main() async {
        HeapTuning.apply()
        // A peer that hangs up (an SFTP client, a child process's pipe) makes a write fail with
        // EPIPE, which the writer handles; the signal's default would end the gateway instead.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
