import Synchronization
import Testing

@testable import ClaimsStore

/// `CopyBinary.encoded`: slices encoded on other threads while earlier ones are read, handed out
/// in row order, never more than its bound ahead of the reader.
@Suite("Slice encoder")
struct SliceEncoderTests {
    @Test func handsOutEverySliceInOrder() {
        let chunks = Array(CopyBinary.encoded(10_500, sliceSize: 1_000) { range in range.map { UInt8($0 % 251) } })
        #expect(chunks.count == 11)
        #expect(chunks.map(\.count) == Array(repeating: 1_000, count: 10) + [500])
        #expect(chunks.flatMap { $0 } == (0..<10_500).map { UInt8($0 % 251) })
        #expect(Array(CopyBinary.encoded(0) { _ in [1] }).isEmpty)
    }

    @Test func encodesAtMostItsBoundAheadOfTheReader() {
        let started = Mutex<[Int]>([])
        let encoder = SliceEncoder((0..<20).map { $0..<$0 + 1 }, ahead: 3) { range in
            started.withLock { $0.append(range.lowerBound) }
            return [UInt8(range.lowerBound)]
        }
        for expected in 0..<20 {
            #expect(encoder.next() == [UInt8(expected)])
            // Slices up to `expected + 3` may have begun, none beyond.
            #expect(started.withLock { $0.max() ?? -1 } <= expected + 3)
        }
        #expect(encoder.next() == nil)
        #expect(started.withLock { $0.sorted() } == Array(0..<20))
    }
}
