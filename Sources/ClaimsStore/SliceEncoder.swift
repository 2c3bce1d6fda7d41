import Dispatch
import Synchronization

/// Encodes slices of rows on Dispatch's global queue, at most `ahead` beyond the one read last,
/// and hands them out in order (`CopyBinary.encoded`). Read from one thread, the connection's.
final class SliceEncoder: Sendable {
    private let slices: [Range<Int>]
    private let ahead: Int
    private let encode: @Sendable (Range<Int>) -> [UInt8]
    /// Encoded slices not yet handed out.
    private let encoded: Mutex<[Int: [UInt8]]> = Mutex([:])
    /// Signalled once per slice, when it is encoded.
    private let finished: [DispatchSemaphore]
    /// The next slice to hand out, and the next to start encoding.
    private let cursor = Mutex((read: 0, started: 0))

    init(_ slices: [Range<Int>], ahead: Int, _ encode: @escaping @Sendable (Range<Int>) -> [UInt8]) {
        self.slices = slices
        self.ahead = max(1, ahead)
        self.encode = encode
        finished = slices.map { _ in DispatchSemaphore(value: 0) }
    }

    /// The next slice's bytes, waiting for them if need be; nil after the last.
    func next() -> [UInt8]? {
        let (index, toStart) = cursor.withLock { cursor -> (Int, Range<Int>) in
            let index = cursor.read
            let end = min(slices.count, index + 1 + ahead)
            defer { cursor = (index + 1, max(cursor.started, end)) }
            return (index, cursor.started..<max(cursor.started, end))
        }
        guard index < slices.count else { return nil }
        for slice in toStart {
            DispatchQueue.global().async { [self] in
                let bytes = encode(slices[slice])
                encoded.withLock { $0[slice] = bytes }
                finished[slice].signal()
            }
        }
        finished[index].wait()
        return encoded.withLock { $0.removeValue(forKey: index) }
    }
}
