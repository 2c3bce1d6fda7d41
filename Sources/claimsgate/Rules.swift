import ArgumentParser
import ClaimsApp

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the validation catalog (every edit with its SNIP level, outcome and fix hint).",
        discussion: "docs/RULES.md is `claimsgate rules --format markdown`.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text: print(RulesDocument.text())
        case .json: print(RulesDocument.json())
        case .markdown: print(RulesDocument.markdown(), terminator: "")
        }
    }
}
