import ClaimsCore
import ClaimsPipeline
import ClaimsRisk
import ClaimsSynthetic
import ClaimsTestSupport
import Foundation
import X12

/// Generated claims and the shipped model, for the risk tests.
enum RiskFixtures {
    static var shippedModelURL: URL { Fixtures.repositoryRoot.appendingPathComponent("Config/models/claim-risk.json") }

    static func shippedModel() throws -> RiskModel { try RiskModel(contentsOf: shippedModelURL) }

    /// Writes a generated file (labelled or not) and, when labelled, its labels CSV, into `directory`.
    @discardableResult
    static func writeFile(
        claims: Int, seed: UInt64, labelled: Bool, in directory: URL, name: String = "claims.x12",
        interchangeControlNumber: Int? = nil, claimsPerTransactionSet: Int? = nil
    ) throws -> (file: URL, labels: URL) {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.labelled = labelled
        options.interchangeControlNumber = interchangeControlNumber
        if let claimsPerTransactionSet { options.claimsPerTransactionSet = claimsPerTransactionSet }
        let generated = try SyntheticClaimFile(options)
        let file = directory.appendingPathComponent(name)
        try Data(generated.bytes()).write(to: file)
        let labels = directory.appendingPathComponent(name + ".labels.csv")
        if labelled {
            guard FileManager.default.createFile(atPath: labels.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: labels)
            try generated.writeLabels(to: handle)
            try handle.close()
        }
        return (file, labels)
    }

    /// The claims of a generated, unlabelled file as the pipeline reads them.
    static func parsedClaims(claims: Int, seed: UInt64) throws -> [ScoringInput] {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.claimsPerTransactionSet = 5_000
        let bytes = try SyntheticClaimFile(options).bytes()
        return try FileAssessor(identity: GatewayIdentity(), checksRouting: false)
            .assess(X12Source(bytes: bytes), partner: .anySender, receivedDate: CalendarDate(year: 2030, month: 1, day: 1)!)
            .scoringInputs
    }

    /// Runs the built `claimsgate` with `arguments` from the repository root; returns its exit
    /// status and its output (stdout and stderr).
    static func runCLI(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = GatewayProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
