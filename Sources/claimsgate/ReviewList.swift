import ArgumentParser

struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Claims waiting for a decision, riskiest first.")

    @Option(help: "Only this partner's claims.")
    var partner: String?

    @Option(help: "At most this many.")
    var limit: Int = 100

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let items = try await Review.withService(store) { try await $0.pending(partner: partner, limit: limit) }
        print("claim\tpartner\tscore\tpatient_control_number\tcharge\tpayer\tstatus")
        for item in items { print(item.line) }
    }
}
