import ArgumentParser
import ClaimsCore
import Foundation
import X12Validation

struct CodeSetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codesets", abstract: "Show or update the external code sets the business edits use.",
        subcommands: [List.self, Load.self])

    struct Location: ParsableArguments {
        @Option(help: "Code set directory (default: CLAIMSGATE_CODESETS, else ./Config/codesets).")
        var dir: String?

        var url: URL { dir.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? CodeSets.defaultDirectory }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List each code set with its version, effective date and size.")

        @OptionGroup var location: Location

        func run() async throws {
            let sets = try CodeSets.load(from: location.url)
            for set in [sets.icd10cm, sets.hcpcs, sets.hcpcsModifiers, sets.placesOfService, sets.states] {
                let metadata = set.metadata
                print(
                    "\(metadata.kind)\t\(metadata.version)\teffective \(metadata.effective?.description ?? "-")\t\(set.count) codes\t\(metadata.source)")
            }
            print("zip3\t\(sets.zipPrefixes.isEmpty ? "missing" : "loaded")")
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a newer release of one code set into the shipped file, keeping older validity ranges.",
            discussion: """
                FILE is a full release in the code set format (CODE[<TAB>FLAGS]), plain or gzip: codes missing
                from it end the day before --effective, new codes start on it. The gateway reads the result at
                its next start.
                """)

        @Argument(help: "Kind: icd10cm, hcpcs, hcpcs-modifiers, pos or states.")
        var kind: String

        @Argument(help: "Release file.")
        var file: String

        @Option(help: "Release name recorded in the file header (e.g. 2027-10).")
        var version: String

        @Option(help: "First date of service (medical code sets) or processing (others) the release applies to, CCYY-MM-DD.")
        var effective: String

        @OptionGroup var location: Location

        func validate() throws {
            guard CodeSets.kinds.contains(kind), kind != "zip3" else {
                throw ValidationError("kind must be one of icd10cm, hcpcs, hcpcs-modifiers, pos, states")
            }
            guard CalendarDate(effective.replacingOccurrences(of: "-", with: "")) != nil else {
                throw ValidationError("--effective must be a date CCYY-MM-DD")
            }
        }

        func run() async throws {
            let date = CalendarDate(effective.replacingOccurrences(of: "-", with: ""))!
            let merged = try CodeSets.install(
                kind: kind, release: URL(fileURLWithPath: file), version: version, effective: date, into: location.url)
            print("\(kind) \(version): \(merged.count) codes, effective \(date)")
        }
    }
}
