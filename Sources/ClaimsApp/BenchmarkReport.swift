import Foundation

/// What `claimsgate bench` measured, with the derived rates and the ratio against pyx12.
public struct BenchmarkReport: Codable, Sendable {
    public var claims: Int
    public var fileBytes = 0
    /// Median of 5, one core, taken in turn with the two passes below: envelope + loop walk +
    /// typed claims.
    public var parseSeconds = 0.0
    /// Median of 5, one core: parse plus the envelope and SNIP 1–2 checks, the work pyx12 does.
    public var guideSeconds = 0.0
    /// Median of 5, one core: parse plus every validation edit and verdict.
    public var validateSeconds = 0.0
    /// From the rename into the inbox to the `acknowledged` state, the issue's end point: every
    /// row committed, the 999 and 277CA in the outbox. The median of `endToEndRuns`.
    public var endToEndSeconds = 0.0
    public var endToEndRuns: [Double] = []
    /// The same runs up to the `archived` state: the above plus sealing the archive copy, which
    /// the next file waits for.
    public var archivedRuns: [Double] = []
    /// CPU seconds of each of those files up to `archived`: the bench's process, which runs the
    /// gateway, and the embedded PostgreSQL's processes (empty for a server given by URL).
    public var gatewayCPURuns: [Double] = []
    public var serverCPURuns: [Double] = []
    /// Median seconds per pipeline stage of the large files, as `FileProcessor` logs them.
    public var stageSeconds: [String: Double] = [:]
    /// Small-file batches timed with the audit trail off and on.
    public var auditRounds: [AuditRound] = []
    public var oneClaimLatencies: [Double] = []
    public var peerClaims = 0
    /// pyx12 on the `peerClaims` file, start-up included (median of 3).
    public var peerSeconds = 0.0
    /// pyx12 on a one-claim file (median of 3): its start-up, left out of its rate.
    public var peerStartupSeconds = 0.0
    /// The process's peak RSS when the end-to-end part is done: the gateway's, as the one-core
    /// timings run after it.
    public var peakResidentBytes = 0

    init(claims: Int) { self.claims = claims }

    public struct AuditRound: Codable, Sendable {
        public var auditOff: Double
        public var auditOn: Double
        /// How much longer the batch took with the audit on (0.05 = 5 %).
        public var cost: Double { auditOn / auditOff - 1 }
    }

    /// Median over the rounds of the audit's cost to end-to-end time.
    public var auditCost: Double? {
        guard !auditRounds.isEmpty else { return nil }
        return Self.median(auditRounds.map(\.cost))
    }

    public var parseClaimsPerSecond: Double { Double(claims) / parseSeconds }
    public var guideClaimsPerSecond: Double { Double(claims) / guideSeconds }
    public var validateClaimsPerSecond: Double { Double(claims) / validateSeconds }
    public var endToEndClaimsPerSecond: Double { Double(claims) / endToEndSeconds }
    public var archivedSeconds: Double { Self.median(archivedRuns) }
    /// pyx12's rate beyond its start-up: the claims past the first over the time past a one-claim file's.
    public var peerClaimsPerSecond: Double { Double(peerClaims - 1) / (peerSeconds - peerStartupSeconds) }
    /// What validation adds to parsing, in units of parsing: (parse + validate - parse) / parse.
    public var validationCostPerParse: Double { (validateSeconds - parseSeconds) / parseSeconds }
    /// How many times faster parse + validate runs than pyx12, past its start-up, on the same
    /// kind of file.
    public var ratioToPeer: Double { validateClaimsPerSecond / peerClaimsPerSecond }
    /// The same for the guide's checks alone: like for like, as pyx12 runs no business edits.
    public var guideRatioToPeer: Double { guideClaimsPerSecond / peerClaimsPerSecond }
    public var oneClaimP95Seconds: Double {
        guard !oneClaimLatencies.isEmpty else { return 0 }
        let sorted = oneClaimLatencies.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
    }

    public var text: String {
        func rate(_ value: Double) -> String { String(format: "%10.0f claims/s", value) }
        var lines = ["claims                 \(claims) (\(fileBytes / 1_000_000) MB)"]
        if validateSeconds > 0 {
            lines += [
                "parse                  \(String(format: "%7.3f s", parseSeconds))  \(rate(parseClaimsPerSecond))",
                "parse + SNIP 1–2       \(String(format: "%7.3f s", guideSeconds))  \(rate(guideClaimsPerSecond))  the guide's checks, what pyx12 does",
                "parse + validate       \(String(format: "%7.3f s", validateSeconds))  \(rate(validateClaimsPerSecond))  every edit",
                "validation alone       \(String(format: "%7.3f s", validateSeconds - parseSeconds))  \(String(format: "%.2f", validationCostPerParse))× parsing",
            ]
        }
        if !endToEndRuns.isEmpty {
            let stages = stageSeconds.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.2f", $0.value))" }
            lines += [
                "end to end (PG, fsync) \(String(format: "%7.3f s", endToEndSeconds))  \(rate(endToEndClaimsPerSecond))  median of \(endToEndRuns.count), rows committed and acks out",
                "  then archived        \(String(format: "%7.3f s", archivedSeconds))  median, the archive copy sealed too",
                "stages (median)        \(stages.joined(separator: ", "))",
                cpuLine,
                "one-claim file p95     \(String(format: "%7.1f ms", oneClaimP95Seconds * 1000)) over \(oneClaimLatencies.count) files",
                "peak RSS (end to end)  \(peakResidentBytes / 1_048_576) MiB",
            ]
        }
        lines.append(auditLine)
        if peerSeconds > 0 {
            lines.append(
                "pyx12 (\(peerClaims) claims)     \(String(format: "%7.3f s", peerSeconds))  \(rate(peerClaimsPerSecond))  past its start-up, \(String(format: "%.3f s", peerStartupSeconds)) on one claim"
            )
        }
        if peerSeconds > 0, validateSeconds > 0 {
            lines.append("ratio to pyx12         \(String(format: "%.0f×", ratioToPeer)) (parse + validate, every edit)")
            lines.append("  like for like        \(String(format: "%.0f×", guideRatioToPeer)) (parse + SNIP 1–2 against pyx12's own checks)")
        }
        return lines.joined(separator: "\n")
    }

    /// The files' CPU, medians: their sum over the cores is the least end-to-end time the work
    /// allows, which the wall time exceeds by what the cores waited.
    var cpuLine: String {
        let gateway = Self.median(gatewayCPURuns)
        guard !serverCPURuns.isEmpty else { return "CPU a file (median)    gateway \(String(format: "%.2f", gateway)) core-s" }
        let server = Self.median(serverCPURuns)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return "CPU a file (median)    gateway \(String(format: "%.2f", gateway)) + PostgreSQL \(String(format: "%.2f", server)) core-s"
            + " = \(String(format: "%.2f", (gateway + server) / Double(cores))) s on \(cores) cores, to archived"
    }

    static func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    var auditLine: String {
        guard let auditCost else { return "audit cost             not measured (--audit-rounds N)" }
        let rounds = auditRounds.map { String(format: "%+.1f%%", $0.cost * 100) }.joined(separator: " ")
        return "audit cost             \(String(format: "%+.1f%%", auditCost * 100)) median of \(auditRounds.count) rounds (\(rounds))"
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
