import AuditLog
import ClaimsCrypto

/// The `audit_records`, `audit_checkpoints` and `audit_head` tables.
///
/// Appending locks the single `audit_head` row for the transaction, seals the batch after the
/// head it read, COPYs the records and moves the head: however many gateways write, sequence
/// numbers have no gaps and the chain has one order.
public struct AuditRepository: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// When to sign a checkpoint: every `every` records, or when `interval` microseconds passed
    /// since the last one and records were added.
    public struct CheckpointPolicy: Sendable {
        public var every: Int64
        public var intervalMicros: Int64

        public init(every: Int64 = 1_000, intervalMicros: Int64 = 300_000_000) {
            self.every = every
            self.intervalMicros = intervalMicros
        }
    }

    /// Appends `events` in one transaction on `connection` (the writer's own thread) and returns
    /// the new head, and the checkpoint when one was due (or `forceCheckpoint`).
    static func append(
        _ events: [AuditEvent], sealer: AuditSealer, policy: CheckpointPolicy, forceCheckpoint: Bool = false,
        on connection: PQConnection
    ) throws -> (head: AuditChainHead, checkpoint: AuditCheckpoint?) {
        try connection.transaction {
            let row = try connection.execute(
                "SELECT sequence, mac, checkpoint_sequence, checkpoint_time_us FROM audit_head WHERE id = 1 FOR UPDATE")
            guard let values = row.rows.first, let sequence = values[0].flatMap({ Int64($0) }),
                let mac = values[1].flatMap(Hex.decode), let checkpointed = values[2].flatMap({ Int64($0) }),
                let checkpointedAt = values[3].flatMap({ Int64($0) })
            else { throw StoreError(code: .unexpectedResult, message: "audit_head row is missing or malformed") }
            var head = AuditChainHead(sequence: sequence, mac: mac)
            if !events.isEmpty {
                let records = sealer.seal(events, after: head)
                try connection.copyIn(Self.recordsCopy, chunks: CopyBinary.chunks(of: records, Self.write))
                head = AuditChainHead(sequence: records.last!.sequence, mac: records.last!.mac)
            }
            let now = AuditEvent.now()
            var checkpoint: AuditCheckpoint?
            let due = head.sequence - checkpointed >= policy.every
                || (head.sequence > checkpointed && now - checkpointedAt >= policy.intervalMicros)
            if head.sequence > 0, due || (forceCheckpoint && head.sequence > checkpointed) {
                let signed = AuditCheckpoint.sign(head, at: now, ring: sealer.ring)
                try connection.execute(
                    """
                    INSERT INTO audit_checkpoints (record_count, head_mac, time_us, key_id, signature)
                    VALUES ($1, decode($2, 'hex'), $3, $4, decode($5, 'hex'))
                    """,
                    parameters: [
                        String(signed.recordCount), Hex.encode(signed.headMAC), String(signed.timeMicros),
                        String(signed.keyID), Hex.encode(signed.signature),
                    ])
                checkpoint = signed
            }
            try connection.execute(
                """
                UPDATE audit_head SET sequence = $1, mac = decode($2, 'hex'),
                    checkpoint_sequence = $3, checkpoint_time_us = $4 WHERE id = 1
                """,
                parameters: [
                    String(head.sequence), Hex.encode(head.mac), String(checkpoint?.recordCount ?? checkpointed),
                    String(checkpoint?.timeMicros ?? checkpointedAt),
                ])
            return (head, checkpoint)
        }
    }

    /// Records matching `filter`, in sequence order, read in pages so the server never builds one
    /// huge result.
    public func records(_ filter: AuditFilter = AuditFilter()) async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        var after: Int64 = 0
        while true {
            let start = after
            let page = try await database.withConnection { connection in
                try connection.binaryRows(
                    """
                    SELECT \(Self.columns) FROM audit_records
                    WHERE sequence > $1 AND time_us >= $2 AND ($3::text IS NULL OR partner = $3)
                      AND ($4::text IS NULL OR action = $4)
                    ORDER BY sequence LIMIT \(Self.pageSize)
                    """,
                    parameters: [String(start), String(filter.sinceMicros ?? Int64.min), filter.partner, filter.action]
                ).map(Self.record(row:))
            }
            records += page
            guard page.count == Self.pageSize, let last = page.last else { return records }
            after = last.sequence
        }
    }

    /// Every signed checkpoint, oldest first.
    public func checkpoints() async throws -> [AuditCheckpoint] {
        try await database.withConnection { connection in
            try connection.execute(
                """
                SELECT record_count, encode(head_mac, 'hex'), time_us, key_id, encode(signature, 'hex')
                FROM audit_checkpoints ORDER BY time_us, record_count
                """
            ).rows.map { row in
                guard let count = row[0].flatMap({ Int64($0) }), let mac = row[1].flatMap(Hex.decode),
                    let time = row[2].flatMap({ Int64($0) }), let key = row[3].flatMap({ UInt32($0) }),
                    let signature = row[4].flatMap(Hex.decode)
                else { throw StoreError(code: .unexpectedResult, message: "audit_checkpoints row does not decode") }
                return AuditCheckpoint(recordCount: count, headMAC: mac, timeMicros: time, keyID: key, signature: signature)
            }
        }
    }

    // MARK: Rows

    static let pageSize = 20_000

    static let columns = """
        sequence, time_us, actor, action, object, outcome, partner, key_id, nonce, details, previous_mac, mac
        """

    static let recordsCopy = """
        COPY audit_records (sequence, time_us, actor, action, object, outcome, partner, key_id, nonce, details,
            previous_mac, mac) FROM STDIN WITH (FORMAT binary)
        """

    static func write(_ copy: inout CopyBinary, _ record: AuditRecord) {
        copy.row(fields: 12)
        copy.int8(record.sequence)
        copy.int8(record.timeMicros)
        for text in [record.actor, record.action, record.object, record.outcome, record.partner] { copy.text(text) }
        copy.int8(Int64(record.keyID))
        for bytes in [record.nonce, record.ciphertext, record.previousMAC, record.mac] { copy.bytea(bytes) }
    }

    /// A binary-format row of `columns`.
    static func record(row: [[UInt8]?]) throws -> AuditRecord {
        func text(_ index: Int) -> String? { row[index].map { String(decoding: $0, as: UTF8.self) } }
        guard let sequence = PQConnection.int64(row[0]), let time = PQConnection.int64(row[1]),
            let actor = text(2), let action = text(3), let object = text(4), let outcome = text(5),
            let key = PQConnection.int64(row[7]).flatMap({ UInt32(exactly: $0) }), let nonce = row[8],
            let details = row[9], let previous = row[10], let mac = row[11]
        else { throw StoreError(code: .unexpectedResult, message: "audit_records row does not decode") }
        return AuditRecord(
            sequence: sequence, timeMicros: time, actor: actor, action: action, object: object, outcome: outcome,
            partner: text(6), keyID: key, nonce: nonce, ciphertext: details, previousMAC: previous, mac: mac)
    }
}

/// Which records `audit show` wants (all when every field is nil).
public struct AuditFilter: Sendable {
    public var sinceMicros: Int64?
    public var partner: String?
    public var action: String?

    public init(sinceMicros: Int64? = nil, partner: String? = nil, action: String? = nil) {
        self.sinceMicros = sinceMicros
        self.partner = partner
        self.action = action
    }
}
