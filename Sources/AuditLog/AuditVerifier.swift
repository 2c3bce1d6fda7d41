import ClaimsCrypto

/// Checks a whole audit trail: the hash chain and the signed checkpoints.
///
/// The authentic chain is rebuilt from its own links, not from the stored order: starting at the
/// genesis MAC, the next record is the one that verifies as sequence n after the previous MAC.
/// Comparing where each authentic record was found with where it is stored then names what
/// happened: a record that verifies nowhere was modified (or, when its number's authentic
/// record sits elsewhere, inserted); an authentic record at another number was reordered; a
/// number no record holds was removed; a checkpoint beyond the chain's end means truncation.
public struct AuditVerifier: Sendable {
    public let sealer: AuditSealer

    public init(ring: KeyRing) { sealer = AuditSealer(ring: ring) }

    /// Verifies `records` (any order) against `checkpoints`. Throws, naming the key id and the
    /// first record using it, when records or checkpoints use a key the ring does not hold: a
    /// missing key is an operator error, not tampering, and must not pass for either.
    public func verify(records unsorted: [AuditRecord], checkpoints: [AuditCheckpoint]) throws -> AuditVerification {
        let records = unsorted.sorted { $0.sequence < $1.sequence }
        if let orphan = records.first(where: { sealer.ring.keys[$0.keyID] == nil }) {
            throw CryptoError(
                .unknownKey, "audit key \(orphan.keyID) (first used by record \(orphan.sequence)) is not in the audit key file")
        }
        var chain = Chain(records: records)
        chain.rebuild(sealer)
        var problems = chain.removed.map { AuditProblem.removed($0) }
        problems += classify(records, chain)
        problems += try checkpointProblems(checkpoints, chain)
        return AuditVerification(
            chainLength: Int64(chain.macs.count), recordCount: records.count, checkpointCount: checkpoints.count,
            problems: problems.sorted { $0.firstSequence < $1.firstSequence })
    }

    /// Problems of stored records, by stored sequence; consecutive records shifted by the same
    /// amount (after an insertion or a removal with renumbering) are reported as one range.
    func classify(_ records: [AuditRecord], _ chain: Chain) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        for (index, record) in records.enumerated() {
            if let original = chain.original[index] {
                guard original != record.sequence else { continue }
                if case .reordered(let stored, let originals)? = problems.last,
                    stored.upperBound + 1 == record.sequence, originals.upperBound + 1 == original,
                    stored.lowerBound - originals.lowerBound == record.sequence - original
                {
                    problems[problems.count - 1] = .reordered(
                        stored: stored.lowerBound...record.sequence, original: originals.lowerBound...original)
                } else {
                    problems.append(.reordered(stored: record.sequence...record.sequence, original: original...original))
                }
            } else if chain.modified.contains(index) {
                problems.append(.modified(sequence: record.sequence))
            } else {
                problems.append(.inserted(sequence: record.sequence))
            }
        }
        return problems
    }

    func checkpointProblems(_ checkpoints: [AuditCheckpoint], _ chain: Chain) throws -> [AuditProblem] {
        var problems: [AuditProblem] = []
        let chainEnd = Int64(chain.macs.count)
        var longest: Int64 = 0
        for checkpoint in checkpoints.sorted(by: { $0.recordCount < $1.recordCount }) {
            guard try checkpoint.verifies(with: sealer.ring) else {
                problems.append(.forgedCheckpoint(recordCount: checkpoint.recordCount))
                continue
            }
            if checkpoint.recordCount > chainEnd {
                longest = max(longest, checkpoint.recordCount)
            } else if checkpoint.recordCount > 0,
                !HMACSHA256.equal(chain.macs[Int(checkpoint.recordCount) - 1], checkpoint.headMAC)
            {
                problems.append(.checkpointMismatch(recordCount: checkpoint.recordCount))
            }
        }
        if longest > 0 { problems.append(.truncated(chainEnd: chainEnd, checkpointCount: longest)) }
        return problems
    }
}

/// The authentic chain rebuilt from the records' own links.
struct Chain {
    let records: [AuditRecord]
    /// Index of the record stored at each sequence number.
    let bySequence: [Int64: Int]
    /// Indexes of records by the previous MAC they claim.
    let byPrevious: [[UInt8]: [Int]]
    /// Authentic sequence number of each record found in the chain.
    var original: [Int64?]
    /// Records that sit at a chain position but do not verify there.
    var modified: Set<Int> = []
    var removed: [ClosedRange<Int64>] = []
    /// MAC of each chain position, 1-based position n at index n - 1.
    var macs: [[UInt8]] = []

    /// Up to how many renumbered-away records a removal is recognised across.
    static let renumberWindow: Int64 = 64

    init(records: [AuditRecord]) {
        self.records = records
        bySequence = Dictionary(records.enumerated().map { ($1.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        byPrevious = Dictionary(grouping: records.indices, by: { records[$0].previousMAC })
        original = Array(repeating: nil, count: records.count)
    }

    mutating func rebuild(_ sealer: AuditSealer) {
        let checker = MACChecker(ring: sealer.ring)
        var previous = AuditRecord.genesisMAC
        var expected: Int64 = 1
        let last = records.last?.sequence ?? 0
        while true {
            if let next = byPrevious[previous]?.first(where: {
                original[$0] == nil && checker.verifies(records[$0], sequence: expected, previous: previous) == true
            }) {
                link(next, as: expected, &previous, &expected)
                continue
            }
            guard expected <= last else { return }
            if let occupant = bySequence[expected] {
                guard original[occupant] == nil, !modified.contains(occupant) else { return }
                let record = records[occupant]
                // Intact but not linked: its predecessor's MAC changed, or records before it were
                // removed and the rest renumbered.
                if let gap = (0...Self.renumberWindow).first(where: {
                    checker.verifies(record, sequence: expected + $0, previous: record.previousMAC) == true
                }) {
                    if gap > 0 {
                        removed.append(expected...(expected + gap - 1))
                        macs += Array(repeating: AuditRecord.genesisMAC, count: Int(gap))
                        expected += gap
                    }
                    previous = record.previousMAC
                    continue
                }
                modified.insert(occupant)
                macs.append(record.mac)
                previous = record.mac
                expected += 1
            } else {
                // A gap in the stored numbers: resume at the next stored record.
                guard let resume = records.first(where: { $0.sequence > expected }) else { return }
                removed.append(expected...(resume.sequence - 1))
                macs += Array(repeating: AuditRecord.genesisMAC, count: Int(resume.sequence - expected))
                expected = resume.sequence
                previous = resume.previousMAC
            }
        }
    }

    private mutating func link(_ index: Int, as sequence: Int64, _ previous: inout [UInt8], _ expected: inout Int64) {
        original[index] = sequence
        macs.append(records[index].mac)
        previous = records[index].mac
        expected += 1
    }
}
