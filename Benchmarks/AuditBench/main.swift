import AuditLog
import ClaimsCrypto
import ClaimsStore
import Foundation
import Logging

/// Writes N audit records into a scratch PostgreSQL (embedded under /tmp, or
/// CLAIMSGATE_BENCH_DATABASE_URL) through the real `AuditTrail`, then times a full verification
/// (fetch + chain + checkpoints) as `claimsgate audit verify` does it. Run in release mode:
/// `Benchmarks/audit-verify`.
let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
let clock = ContinuousClock()

var embedded: EmbeddedPostgres?
let url: String
if let configured = ProcessInfo.processInfo.environment["CLAIMSGATE_BENCH_DATABASE_URL"], !configured.isEmpty {
    url = configured
} else {
    let postgres = try EmbeddedPostgres(
        directory: "/tmp/cg-bench-\(getpid())", serverSettings: ["fsync": "off", "synchronous_commit": "off"], logger: logger)
    try await postgres.start()
    embedded = postgres
    url = postgres.url
}
let database = try Database(configuration: DatabaseConfiguration(url: url, poolSize: 2), logger: logger)
try await database.migrate()
let ring = KeyRing(purpose: "audit", currentID: 1, keys: [.generate(id: 1)])

let trail = AuditTrail(conninfo: url, ring: ring, logger: logger)
let writeStart = clock.now
for index in 0..<count {
    trail.record(
        action: "file.received", actor: "partner:p\(index % 7)", object: "file:\(index)", outcome: .success,
        details: ["name": "batch\(index).x12", "sha256": String(repeating: "ab", count: 32), "size": String(index)],
        partner: "p\(index % 7)")
}
try await trail.close()
let writeTime = clock.now - writeStart

let verifyStart = clock.now
let repository = AuditRepository(database: database)
let records = try await repository.records()
let fetched = clock.now - verifyStart
let result = try AuditVerifier(ring: ring).verify(records: records, checkpoints: try await repository.checkpoints())
let verifyTime = clock.now - verifyStart
print("records: \(result.recordCount), intact: \(result.isIntact)")
print("write (sealed, chained, batched): \(writeTime)")
print("verify total: \(verifyTime) (fetch \(fetched))")

database.shutdown()
if let embedded {
    try await embedded.stop()
    try? FileManager.default.removeItem(atPath: embedded.directory)
}
