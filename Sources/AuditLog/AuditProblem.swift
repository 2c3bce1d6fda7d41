/// One way the stored audit trail differs from what the gateway wrote, naming the records.
public enum AuditProblem: Sendable, Equatable, CustomStringConvertible {
    /// The record stored at `sequence` does not verify: its content or MAC was changed.
    case modified(sequence: Int64)
    /// Records with these sequence numbers are gone.
    case removed(ClosedRange<Int64>)
    /// The records stored at `stored` are authentic, but were written as `original`.
    case reordered(stored: ClosedRange<Int64>, original: ClosedRange<Int64>)
    /// The record stored at `sequence` is not part of the authentic chain, whose record of that
    /// number sits elsewhere: it was added afterwards.
    case inserted(sequence: Int64)
    /// A signed checkpoint says the chain had `checkpointCount` records; it ends at `chainEnd`.
    case truncated(chainEnd: Int64, checkpointCount: Int64)
    /// A checkpoint's head MAC differs from the chain's record at its count: rewritten history.
    case checkpointMismatch(recordCount: Int64)
    /// A checkpoint's signature does not verify: it was forged or altered.
    case forgedCheckpoint(recordCount: Int64)

    /// The sequence number the problem is first visible at, for ordering.
    public var firstSequence: Int64 {
        switch self {
        case .modified(let sequence), .inserted(let sequence): sequence
        case .removed(let range): range.lowerBound
        case .reordered(let stored, _): stored.lowerBound
        case .truncated(let end, _): end + 1
        case .checkpointMismatch(let count), .forgedCheckpoint(let count): count
        }
    }

    public var description: String {
        switch self {
        case .modified(let sequence):
            "record \(sequence) was modified (its MAC does not verify)"
        case .removed(let range):
            range.count == 1 ? "record \(range.lowerBound) was removed" : "records \(range.lowerBound)…\(range.upperBound) were removed"
        case .reordered(let stored, let original) where stored.count == 1:
            "record \(stored.lowerBound) is out of order: it holds the authentic record \(original.lowerBound)"
        case .reordered(let stored, let original):
            "records \(stored.lowerBound)…\(stored.upperBound) are out of order: they hold the authentic records \(original.lowerBound)…\(original.upperBound)"
        case .inserted(let sequence):
            "record \(sequence) was inserted (it is not part of the authentic chain)"
        case .truncated(let end, let count):
            "the chain was truncated: a signed checkpoint covers \(count) records, the chain ends at record \(end)"
        case .checkpointMismatch(let count):
            "the checkpoint at record \(count) does not match record \(count) of the chain"
        case .forgedCheckpoint(let count):
            "the checkpoint claiming \(count) records has an invalid signature"
        }
    }
}

/// What `AuditVerifier` found.
public struct AuditVerification: Sendable, Equatable {
    /// Records in the authentic chain (the last sequence number it reaches).
    public var chainLength: Int64
    public var recordCount: Int
    public var checkpointCount: Int
    /// Ordered by where they first show; empty when the trail is intact.
    public var problems: [AuditProblem]

    public var isIntact: Bool { problems.isEmpty }
}
