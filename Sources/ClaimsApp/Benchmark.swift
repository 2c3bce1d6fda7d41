import ClaimsCore
import ClaimsPipeline
import ClaimsStore
import ClaimsSynthetic
import Foundation
import Logging
import ServiceLifecycle
import X12

#if canImport(Glibc)
    import Glibc
#endif

/// `claimsgate bench`: the real pipeline on a generated file, stage by stage and end to end into
/// a real PostgreSQL (fsync on), with pyx12 run on the same kind of file in the same run as the
/// peer that speed is reported against.
public struct Benchmark: Sendable {
    public var claims: Int
    /// Claims in the file given to pyx12 (it reads ~400 claims/s; its rate is per claim).
    public var peerClaims: Int
    /// Small files dropped one after another for the latency figure.
    public var latencyFiles: Int
    /// A PostgreSQL URL, or nil for an embedded cluster in the bench's scratch folder.
    public var databaseURL: String?
    public var scratch: URL

    public init(claims: Int, peerClaims: Int, latencyFiles: Int, databaseURL: String?, scratch: URL) {
        self.claims = claims
        self.peerClaims = peerClaims
        self.latencyFiles = latencyFiles
        self.databaseURL = databaseURL
        self.scratch = scratch
    }

    public func run(progress: @Sendable (String) -> Void) async throws -> BenchmarkReport {
        var report = BenchmarkReport(claims: claims)
        // Searchable by others: the embedded cluster runs as an unprivileged user when we are root.
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("root"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        let file = scratch.appendingPathComponent("bench-\(claims).x12")
        progress("generating \(claims) claims")
        try write(claims: claims, seed: 42, to: file)
        report.fileBytes = Int((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0)

        progress("timing parse and validate")
        let bytes = [UInt8](try Data(contentsOf: file))
        report.parseSeconds = try median(3) { try Self.parseOnly(bytes) }
        report.validateSeconds = try median(3) { try Self.assess(bytes) }

        progress("running the gateway end to end into PostgreSQL")
        try await endToEnd(file: file, into: &report, progress: progress)

        progress("running pyx12 on \(peerClaims) claims")
        report.peerSeconds = try peer()
        report.peerClaims = peerClaims
        report.peakResidentBytes = Self.peakResidentBytes()
        return report
    }

    // MARK: Stages

    static func parseOnly(_ bytes: [UInt8]) throws {
        let parser = ClaimParser()
        for (i, interchange) in try InterchangeReader.read(X12Source(bytes: bytes)).enumerated() {
            for (g, group) in interchange.groups.enumerated() {
                for (s, set) in group.transactionSets.enumerated() {
                    _ = parser.parse(set, interchange: i, group: g, transactionSet: s)
                }
            }
        }
    }

    static func assess(_ bytes: [UInt8]) throws {
        _ = try FileAssessor(identity: GatewayIdentity()).assess(
            X12Source(bytes: bytes), partner: .benchmark, receivedDate: CalendarDate(utc: Date()))
    }

    func endToEnd(file: URL, into report: inout BenchmarkReport, progress: @Sendable (String) -> Void) async throws {
        let root = scratch.appendingPathComponent("root")
        var configuration = GatewayConfiguration(root: root, databaseURL: databaseURL, partners: [.benchmark])
        configuration.databasePoolSize = 4
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let gateway = Gateway(
            configuration: configuration, logger: quiet,
            readiness: StartupBarrier(waitingFor: [.watcher], logger: quiet, onReady: { readyContinuation.yield() }))
        let group = ServiceGroup(services: [gateway], logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let running = Task {
            defer { readyContinuation.finish() }
            try await group.run()
        }
        var isReady = false
        for await _ in ready {
            isReady = true
            break
        }
        guard isReady else {
            try await running.value
            throw CancellationError()
        }

        let url = try configuration.databaseURL ?? EmbeddedPostgres(directory: configuration.embeddedDatabaseDirectory.path).url
        let database = try Database(configuration: DatabaseConfiguration(url: url, poolSize: 1))
        defer { database.shutdown() }
        let files = FileRepository(database: database)
        let inbox = configuration.inboxDirectory.appendingPathComponent(PartnerConfiguration.benchmark.id)

        func drop(_ source: URL, as name: String) async throws -> Double {
            let clock = ContinuousClock()
            let start = clock.now
            try DurableFile.move(source, to: inbox.appendingPathComponent(name))
            while !(try await files.files(inState: [.archived, .quarantined]).contains { $0.originalName == name }) {
                try await Task.sleep(for: .milliseconds(2))
            }
            return (clock.now - start).seconds
        }

        report.endToEndSeconds = try await drop(file, as: "bench.x12")
        progress("end to end: \(String(format: "%.2f", report.endToEndSeconds)) s; now \(latencyFiles) one-claim files")
        var latencies: [Double] = []
        for index in 0..<latencyFiles {
            let small = scratch.appendingPathComponent("one-\(index).x12")
            try write(claims: 1, seed: UInt64(1_000 + index), to: small)
            latencies.append(try await drop(small, as: "one-\(index).x12"))
        }
        report.oneClaimLatencies = latencies
        await group.triggerGracefulShutdown()
        try await running.value
    }

    func peer() throws -> Double {
        let file = scratch.appendingPathComponent("peer.x12")
        try write(claims: peerClaims, seed: 7, to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["x12valid", file.path]
        process.currentDirectoryURL = scratch
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        return (clock.now - start).seconds
    }

    // MARK: Helpers

    func write(claims: Int, seed: UInt64, to url: URL) throws {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.senderID = "BENCHSENDER"
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try SyntheticClaimFile(options).write(to: handle)
    }

    func median(_ runs: Int, _ work: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            try work()
            times.append((clock.now - start).seconds)
        }
        return times.sorted()[runs / 2]
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

extension PartnerConfiguration {
    static let benchmark = PartnerConfiguration(
        id: "bench", senderIDs: [.init(qualifier: "ZZ", id: "BENCHSENDER")], positive999: true)
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
