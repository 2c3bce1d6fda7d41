import AuditLog
import ClaimsCrypto

/// Deterministic events and key rings for audit tests.
enum AuditFixtures {
    static func ring(_ ids: ClosedRange<UInt32> = 1...1, purpose: String = "audit") -> KeyRing {
        KeyRing(purpose: purpose, currentID: ids.upperBound, keys: ids.map { KeyRing.Key.generate(id: $0) })
    }

    static func events(_ count: Int, from start: Int = 0) -> [AuditEvent] {
        (start..<(start + count)).map { index in
            AuditEvent(
                timeMicros: 1_800_000_000_000_000 + Int64(index), actor: "partner:p\(index % 3)", action: "file.received",
                object: "file:\(index)", outcome: .success, partner: "p\(index % 3)",
                details: ["name": "batch\(index).x12", "size": String(index * 10)])
        }
    }

    /// A sealed chain of `count` records and a checkpoint of its end.
    static func chain(_ count: Int, ring: KeyRing) -> (records: [AuditRecord], checkpoint: AuditCheckpoint) {
        let records = AuditSealer(ring: ring).seal(events(count), after: .genesis)
        let head = AuditChainHead(sequence: records.last!.sequence, mac: records.last!.mac)
        return (records, AuditCheckpoint.sign(head, ring: ring))
    }
}
