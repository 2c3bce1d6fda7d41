import Testing
import X12

/// The word-at-a-time byte tests must answer for each lane exactly as a test of that byte alone
/// would: a carry between lanes would flag a neighbour or hide a byte.
@Suite struct ByteLanesTests {
    @Test func eachLaneAnswersForItsOwnByte() {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        // Bytes near the borders of the tests, where a borrow or carry would show.
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x2A, 0x7E, 0x7F, 0x80, 0x81, 0x9F, 0xA0, 0xFE, 0xFF]
        for round in 0..<20_000 {
            let state = random.bits()
            var word = state
            if round % 2 == 0 {
                for lane in 0..<8 where (state >> UInt64(lane * 3)) & 1 == 0 {
                    let edge = UInt64(edges[Int((state >> UInt64(lane * 5)) % UInt64(edges.count))])
                    word = word & ~(0xFF << UInt64(lane * 8)) | edge << UInt64(lane * 8)
                }
            }
            let zero = ByteLanes.zero(word), unprintable = ByteLanes.unprintable(word)
            for lane in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(lane * 8))
                let flag = UInt64(0x80) << UInt64(lane * 8)
                #expect((zero & flag != 0) == (byte == 0), "zero, byte \(byte) in \(String(word, radix: 16))")
                #expect((unprintable & flag != 0) == !(0x20...0x7E).contains(byte), "unprintable, byte \(byte)")
            }
            #expect(zero & ~0x8080_8080_8080_8080 == 0 && unprintable & ~0x8080_8080_8080_8080 == 0)
        }
    }

    @Test func loadsTheFirstByteLowest() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBufferPointer { #expect(ByteLanes.load($0.baseAddress! + 1) == 0x0908_0706_0504_0302) }
        #expect(ByteLanes.filled(0x2A) == 0x2A2A_2A2A_2A2A_2A2A)
    }
}
