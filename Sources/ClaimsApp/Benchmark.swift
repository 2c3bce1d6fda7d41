import ClaimsCore
import ClaimsPipeline
import ClaimsStore
import ClaimsSynthetic
import Foundation
import Logging
import ServiceLifecycle
import X12
import X12Validation

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
    /// Large files taken end to end (the figure is their median).
    public var runs = 1
    /// Alternating one-core timings of parse, of parse + the guide's checks and of parse + every
    /// edit (the figures are their medians; 0 skips them, for end-to-end runs on very large files).
    public var timingRuns = 5
    /// Rounds of the audit on/off comparison (0 skips it).
    public var auditRounds = 0
    /// Files (of `auditClaimsPerFile` claims) per audit round: many small files are the worst case
    /// for the audit, which writes a fixed handful of records per file.
    public var auditFiles = 40
    public var auditClaimsPerFile = 250
    /// The risk model the gateway scores claims with; nil: claims are stored unscored.
    public var riskModel: URL?
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
        // A root left by an earlier run holds its database (unless one is given by URL) and its
        // files: their claims would make this run's duplicates, a different workload.
        let root = scratch.appendingPathComponent("root")
        guard !FileManager.default.fileExists(atPath: root.path) else {
            throw BenchmarkError.scratchInUse(root.path)
        }
        // Searchable by others: the embedded cluster runs as an unprivileged user when we are root.
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let file = scratch.appendingPathComponent("bench-\(claims).x12")
        progress("generating \(claims) claims")
        try write(claims: claims, seed: 42, to: file)
        report.fileBytes = Int((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0)

        // The one-core timings first, in a quiet process: after the end-to-end runs the embedded
        // PostgreSQL is still checkpointing what they wrote.
        if timingRuns > 0 {
            progress("timing parse and validate")
            // Each pass maps the file as the gateway does: a copy of its bytes in each pass (38 MB
            // at 100,000 claims, faulted in fresh) was a cost the gateway does not have.
            let source = { try Self.mapped(file) }
            // The code sets load on first use: loaded here, so that no timed pass pays for it.
            _ = CodeSets.standard
            let claims = claims
            // Each timed pass must have read every claim and found the generated file clean: a
            // pass that skipped work would time as fast.
            func expectClean(_ pass: String, _ read: Int, _ findings: Int) throws {
                guard read == claims, findings == 0 else { throw BenchmarkError.passDisagrees(pass, read, findings, claims) }
            }
            let timings = try medians(
                timingRuns,
                [
                    { try expectClean("parse", Self.parseOnly(source()), 0) },
                    {
                        let checked = try Self.checkAgainstGuide(source())
                        try expectClean("parse + SNIP 1–2", checked.claims, checked.findings)
                    },
                    {
                        let judged = try Self.assess(source())
                        try expectClean("parse + validate", judged.accepted, judged.rejected)
                    },
                ])
            (report.parseSeconds, report.guideSeconds, report.validateSeconds) = (timings[0], timings[1], timings[2])
        }

        if runs > 0 {
            // The peak is started over, so that it is the gateway's and not the timings'.
            Self.resetPeakResident()
            progress("running the gateway end to end into PostgreSQL")
            try await endToEnd(into: &report, progress: progress)
            report.peakResidentBytes = Self.peakResidentBytes()
        }

        if auditRounds > 0 {
            progress("audit on and off, \(auditRounds) rounds of \(auditFiles) files")
            try await compareAudit(into: &report, progress: progress)
        }

        // One claim is the start-up run itself: at least two make a rate.
        if peerClaims > 1 {
            progress("running pyx12 on \(peerClaims) claims")
            (report.peerSeconds, report.peerStartupSeconds) = try peer()
            report.peerClaims = peerClaims
        }
        return report
    }

    // MARK: Stages

    /// The file mapped, as the gateway reads a received file.
    static func mapped(_ file: URL) throws -> X12Source {
        guard let source = try FileProcessor.mapRegularFile(file) else { throw CocoaError(.fileNoSuchFile) }
        return source
    }

    /// Returns the claims read.
    static func parseOnly(_ source: X12Source) throws -> Int {
        let parser = ClaimParser()
        var claims = 0
        for (i, interchange) in try InterchangeReader.read(source).enumerated() {
            for (g, group) in interchange.groups.enumerated() {
                for (s, set) in group.transactionSets.enumerated() {
                    claims += parser.parse(set, interchange: i, group: g, transactionSet: s).claims.count
                }
            }
        }
        return claims
    }

    /// Parse and the guide's own checks (envelope and SNIP 1–2: structure, elements, situational
    /// rules), without the business edits: the work pyx12 does, for a like-for-like ratio.
    /// Returns the claims read and the findings.
    static func checkAgainstGuide(_ source: X12Source) throws -> (claims: Int, findings: Int) {
        let assessor = FileAssessor(identity: GatewayIdentity())
        let envelope = try assessor.readEnvelope(source, partner: .benchmark)
        let validator = TransactionSetValidator()
        var claims = 0, findings = envelope.interchanges.reduce(0) { $0 + $1.issues.count }
        for place in envelope.judgeablePlaces {
            let set = envelope.interchanges[place.interchange].groups[place.group].group.transactionSets[place.set]
            let checked = validator.validate(set, interchange: place.interchange, group: place.group, transactionSet: place.set)
            claims += checked.parsed.claims.count
            findings += checked.findings.count
        }
        return (claims, findings)
    }

    /// Parse and every edit, on one thread: the gateway spreads transaction sets over the cores,
    /// but the issue's figure is per core.
    /// Returns the claims accepted and those rejected.
    static func assess(_ source: X12Source) throws -> (accepted: Int, rejected: Int) {
        let assessor = FileAssessor(identity: GatewayIdentity())
        let receivedDate = CalendarDate(utc: Date())
        let envelope = try assessor.readEnvelope(source, partner: .benchmark)
        let judged = assessor.judge(
            envelope.judgeablePlaces, of: envelope, partner: .benchmark, receivedDate: receivedDate, concurrently: false)
        return (judged.acceptedClaimCount, judged.claimCount - judged.acceptedClaimCount)
    }

    /// `runs` large files, each timed from the rename into the inbox to its `acknowledged` state
    /// (and on to `archived`, which the next file waits for), then the one-claim latency files.
    func endToEnd(into report: inout BenchmarkReport, progress: @Sendable (String) -> Void) async throws {
        let (latencies, big) = try await withGateway(auditEnabled: true) { drop in
            var big: [Dropper.Timed] = []
            for run in 0..<runs {
                let file = scratch.appendingPathComponent("bench-\(run).x12")
                try write(claims: claims, seed: 42 + UInt64(run), to: file)
                big.append(try await drop(file, "bench-\(run).x12"))
                progress("end to end \(run + 1)/\(runs): \(String(format: "%.2f", big.last!.answered)) s")
            }
            var latencies: [Double] = []
            for index in 0..<latencyFiles {
                let small = scratch.appendingPathComponent("one-\(index).x12")
                try write(claims: 1, seed: UInt64(1_000 + index), to: small)
                latencies.append(try await drop(small, "one-\(index).x12").answered)
            }
            return (latencies, big)
        }
        report.archivedRuns = big.map(\.seconds)
        report.endToEndRuns = big.map(\.answered)
        report.endToEndSeconds = BenchmarkReport.median(report.endToEndRuns)
        let stageNames = big.first?.stages.keys.sorted() ?? []
        report.stageSeconds = Dictionary(
            uniqueKeysWithValues: stageNames.map { name in (name, BenchmarkReport.median(big.map { $0.stages[name] ?? 0 })) })
        report.oneClaimLatencies = latencies
        report.gatewayCPURuns = big.map(\.cpu.gateway)
        report.serverCPURuns = big.compactMap(\.cpu.server)
    }

    /// Alternates audit off and on (the order flipped every round, so drift in the machine's load
    /// falls on both), each time timing a batch of small files from the first drop to the last
    /// archive. The figure is the median of the per-round ratios.
    func compareAudit(into report: inout BenchmarkReport, progress: @Sendable (String) -> Void) async throws {
        var batch = 0
        for round in 0..<auditRounds {
            var times: [Bool: Double] = [:]
            for enabled in round % 2 == 0 ? [false, true] : [true, false] {
                batch += 1
                let files = try (0..<auditFiles).map { index in
                    let file = scratch.appendingPathComponent("audit-\(batch)-\(index).x12")
                    try write(claims: auditClaimsPerFile, seed: UInt64(10_000 + batch * 1_000 + index), to: file)
                    return file
                }
                times[enabled] = try await withGateway(auditEnabled: enabled) { drop in
                    try await drop.all(files)
                }
            }
            report.auditRounds.append(.init(auditOff: times[false]!, auditOn: times[true]!))
            progress("audit round \(round + 1): off \(String(format: "%.2f", times[false]!)) s, on \(String(format: "%.2f", times[true]!)) s")
        }
    }

    /// Drops files into the running gateway's inbox and waits for them.
    struct Dropper {
        let inbox: URL
        let files: FileRepository
        let stages: StageCapture.Store
        /// The embedded server's data directory, for its CPU time; nil for a server given by URL.
        let serverDirectory: String?

        /// One dropped file's times.
        struct Timed {
            /// From the rename to `archived` or `quarantined`.
            var seconds: Double
            var stages: [String: Double]
            /// CPU seconds from the rename to `archived`: the bench's process (the gateway's) and
            /// PostgreSQL's (nil when not measured).
            var cpu: (gateway: Double, server: Double?)
            /// From the rename to `acknowledged`: `seconds` less the archive stage, which follows
            /// it (the stage clock's laps are taken right after each state change).
            var answered: Double { seconds - (stages["archive"] ?? 0) }
        }

        /// One file, waited for until `archived` or `quarantined`, with its stage times.
        func callAsFunction(_ source: URL, _ name: String) async throws -> Timed {
            let cpu = (gateway: CPUTime.ownSeconds(), server: serverDirectory.flatMap(CPUTime.serverSeconds))
            let (seconds, finished) = try await drop([source], names: [name])
            let used = (
                gateway: CPUTime.ownSeconds() - cpu.gateway,
                server: serverDirectory.flatMap(CPUTime.serverSeconds).flatMap { after in cpu.server.map { after - $0 } })
            guard let record = finished.first, record.state == .archived else { return Timed(seconds: seconds, stages: [:], cpu: used) }
            // The `file processed` line follows the state change by a moment.
            while stages.stages(file: String(record.id)) == nil { try await Task.sleep(for: .milliseconds(1)) }
            return Timed(seconds: seconds, stages: stages.stages(file: String(record.id)) ?? [:], cpu: used)
        }

        /// Several files at once: seconds from the first rename to the last one finished.
        func all(_ sources: [URL]) async throws -> Double {
            try await drop(sources, names: sources.map(\.lastPathComponent)).seconds
        }

        /// Drops `sources` under `names` and waits for a finished record of each: only records
        /// that were not finished before the drop count, so a file of the same name stored by an
        /// earlier run (a database given by URL keeps them) is not taken for this one.
        private func drop(_ sources: [URL], names: [String]) async throws -> (seconds: Double, finished: [FileRecord]) {
            let finishedStates: Set<FileState> = [.archived, .quarantined]
            let earlier = Set(try await files.files(inState: finishedStates).map(\.id))
            let clock = ContinuousClock()
            let start = clock.now
            for (source, name) in zip(sources, names) { try DurableFile.move(source, to: inbox.appendingPathComponent(name)) }
            var waiting = Set(names)
            var finished: [FileRecord] = []
            while !waiting.isEmpty {
                for file in try await files.files(inState: finishedStates)
                where !earlier.contains(file.id) && waiting.remove(file.originalName) != nil {
                    finished.append(file)
                }
                // Asked again after a two-hundredth of the time so far (1–20 ms): the figure is
                // off by at most 0.5 %, and the poll hardly competes with the gateway for the
                // cores (every 2 ms, it was 2,500 queries during one 5 s file).
                let interval = min(max((clock.now - start) / 200, .milliseconds(1)), .milliseconds(20))
                if !waiting.isEmpty { try await Task.sleep(for: interval) }
            }
            return ((clock.now - start).seconds, finished)
        }
    }

    /// Runs the real gateway in-process on the bench's root while `body` drops files into it.
    func withGateway<T: Sendable>(auditEnabled: Bool, _ body: (Dropper) async throws -> T) async throws -> T {
        let root = scratch.appendingPathComponent("root")
        var configuration = GatewayConfiguration(root: root, databaseURL: databaseURL, partners: [.benchmark])
        configuration.databasePoolSize = 4
        configuration.riskModelFile = riskModel
        configuration.security.auditEnabled = auditEnabled
        let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
        let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let stages = StageCapture.Store()
        let gateway = Gateway(
            configuration: configuration, logger: Logger(label: "bench", factory: { _ in StageCapture(store: stages) }),
            readiness: StartupBarrier(waitingFor: [.watcher], logger: quiet, onReady: { readyContinuation.yield() }))
        let group = ServiceGroup(services: [gateway], logger: quiet)
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

        let embedded = try configuration.databaseURL == nil ? EmbeddedPostgres(directory: configuration.embeddedDatabaseDirectory.path) : nil
        let url = configuration.databaseURL ?? embedded!.url
        let database = try Database(configuration: DatabaseConfiguration(url: url, poolSize: 1))
        defer { database.shutdown() }
        let inbox = configuration.inboxDirectory.appendingPathComponent(PartnerConfiguration.benchmark.id)
        let result = try await body(
            Dropper(inbox: inbox, files: FileRepository(database: database), stages: stages, serverDirectory: embedded?.dataDirectory))
        await group.triggerGracefulShutdown()
        try await running.value
        return result
    }

    /// pyx12's seconds for the peer file and for a one-claim file, medians of three runs taken
    /// in turn: Python's start, pyx12's imports and its map loading (about 0.3 s) are no work on
    /// claims, and our own timings leave our start-up out too.
    func peer() throws -> (file: Double, startup: Double) {
        let file = scratch.appendingPathComponent("peer.x12")
        let oneClaim = scratch.appendingPathComponent("peer-1.x12")
        try write(claims: peerClaims, seed: 7, to: file)
        try write(claims: 1, seed: 7, to: oneClaim)
        let times = try medians(3, [{ try Self.runPyx12(on: file) }, { try Self.runPyx12(on: oneClaim) }])
        return (times[0], times[1])
    }

    /// Runs `x12valid` on `file`, which it must find valid: a run that failed early would time as
    /// fast. Its exit status says nothing (1 on success too), so its `<file>: OK` line is read.
    static func runPyx12(on file: URL) throws {
        let process = Process()
        let messages = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["x12valid", file.path]
        process.currentDirectoryURL = file.deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = messages
        try process.run()
        let output = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard output.contains("\(file.path): OK") else {
            throw BenchmarkError.peerFailed(file.lastPathComponent, String(output.suffix(400)))
        }
    }

    // MARK: Helpers

    func write(claims: Int, seed: UInt64, to url: URL) throws {
        var options = SyntheticFileOptions(claims: claims, seed: seed)
        options.senderID = "BENCHSENDER"
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try SyntheticClaimFile(options).write(to: handle)
    }

    /// The median time of each of `bodies`, run `runs` times in turn, so that a noisy moment of
    /// the machine falls on all of them alike.
    func medians(_ runs: Int, _ bodies: [() throws -> Void]) throws -> [Double] {
        let clock = ContinuousClock()
        var times = Array(repeating: [Double](), count: bodies.count)
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() {
                let start = clock.now
                try body()
                times[index].append((clock.now - start).seconds)
            }
        }
        return times.map(BenchmarkReport.median)
    }

    /// The process's peak resident set (`VmHWM`) since it started or since `resetPeakResident`.
    static func peakResidentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return (line?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
    }

    /// Hands the heap the timings freed back to the system and starts the peak over from the
    /// current resident set (Linux `clear_refs` 5).
    static func resetPeakResident() {
        HeapTuning.releaseFreeMemory()
        let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs")
        handle?.write(Data("5".utf8))
        try? handle?.close()
    }
}

extension PartnerConfiguration {
    static let benchmark = PartnerConfiguration(
        id: "bench", senderIDs: [.init(qualifier: "ZZ", id: "BENCHSENDER")], positive999: true)
}

/// Why the bench stopped: a scratch folder in use, or a pass whose time would mean nothing.
enum BenchmarkError: Error, CustomStringConvertible {
    /// The scratch folder holds an earlier run's root (its database, inbox and outbox).
    case scratchInUse(String)
    /// A timed pass did not read every claim of the generated file, or found it faulty.
    case passDisagrees(String, Int, Int, Int)
    /// pyx12 did not report the generated file valid (not installed, or it found faults).
    case peerFailed(String, String)

    var description: String {
        switch self {
        case .scratchInUse(let path): "\(path) holds an earlier bench run: remove it or give another --scratch"
        case .passDisagrees(let pass, let read, let faulty, let claims):
            "\(pass): \(read) of the \(claims) generated claims read clean, \(faulty) faults; its time would not be comparable"
        case .peerFailed(let file, let output): "pyx12 (x12valid) did not find \(file) valid: \(output)"
        }
    }
}
