import ArgumentParser

struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One claim's score, top factors and decision.")

    @OptionGroup var claim: ClaimReferenceArgument
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let reference = try claim.reference()
        let item = try await Review.withService(store) { try await $0.show(reference) }
        print(item.line)
        print("model: \(item.modelVersion ?? "-")  threshold: \(item.threshold.map { "\($0)" } ?? "-")")
        print("top factors: \(item.topFactorsJSON ?? "[]")")
        if let decision = item.decision { print("decision: \(decision) by \(item.reviewer ?? "-")") }
    }
}
