import ArgumentParser

@main
struct ClaimsGate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimsgate",
        abstract: "Healthcare claims intake gateway for X12 837P (005010X222A1).",
        subcommands: [
            Serve.self, Validate.self, Rules.self, Generate.self, Bench.self, Partners.self, Model.self, Review.self,
            CodeSetsCommand.self, BenchEdits.self, Audit.self, Keys.self, Archive.self,
        ])
}
