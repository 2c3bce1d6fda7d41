import ClaimsCore
import ClaimsSynthetic
import Testing
import X12
import X12Schema

@testable import X12Validation

/// A segment known clean answers for its repeats only: the same bytes under the same rule, never
/// a near copy, a prefix, or the same bytes under another rule; and the validator reports the
/// same findings with the memory as without it.
@Suite struct CleanSegmentsTests {
    /// The segments of `source` (terminator `~`), in order.
    static func segments(_ source: X12Source) -> [Segment] {
        var segments: [Segment] = []
        var start = 0
        for (index, byte) in source.bytes.enumerated() where byte == UInt8(ascii: "~") {
            segments.append(Segment(source: source, range: start..<index, delimiters: .standard))
            start = index + 1
        }
        return segments
    }

    static func rules(of loop: LoopSchema) -> [SegmentSchema] {
        loop.segments + loop.loops.flatMap(rules(of:))
    }

    @Test func knowsOnlyTheSameBytesUnderTheSameRule() throws {
        // Twins 8 and more bytes long (a difference past the first word), a one-byte change in the
        // last word, a prefix, and the last segment with fewer than eight bytes after it.
        let source = X12Source(
            bytes: Array(
                ("NM1*PR*2*EXAMPLE PAYER*****PI*PAYER01~DTP*472*D8*20260110~NM1*PR*2*EXAMPLE PAYER*****PI*PAYER01~"
                    + "NM1*PR*2*EXAMPLE PAYER*****PI*PAYER02~NM1*PR*2*EXAMPLE PAYER*****PI*PAYER0~DTP*472*D8*20260111~"
                    + "DTP*472*D8*20260110~").utf8))
        let segments = Self.segments(source)
        let schemas = Self.rules(of: X222A1.transactionSet)
        // Two of the guide's NM1 rules and one of its DTP rules.
        let name = try #require(schemas.first { $0.id == "NM1" })
        let otherName = try #require(schemas.last { $0.id == "NM1" })
        let date = try #require(schemas.first { $0.id == "DTP" })
        #expect(name !== otherName)

        var memory = CleanSegments()
        func isKnown(_ index: Int, _ rule: SegmentSchema) -> Bool { memory.lookUp(segments[index], rule: rule).isClean }
        func remember(_ index: Int, _ rule: SegmentSchema) {
            guard case .unknown(let key) = memory.lookUp(segments[index], rule: rule) else {
                Issue.record("segment \(index) should be unknown")
                return
            }
            memory.remember(segments[index], key)
        }
        remember(0, name)
        remember(1, date)

        #expect(isKnown(2, name))
        #expect(!isKnown(2, otherName))
        #expect(!isKnown(3, name))
        #expect(!isKnown(4, name))
        #expect(!isKnown(5, date))
        #expect(isKnown(6, date))
        #expect(!isKnown(6, name))
    }

    /// A rule whose segments do not repeat stops being looked up after its trial, while another
    /// rule of the same set whose segments repeat goes on being found.
    @Test func stopsLookingUpARuleWhoseSegmentsDoNotRepeat() throws {
        let rules = Self.rules(of: X222A1.transactionSet)
        let reference = try #require(rules.first { $0.id == "REF" })
        let date = try #require(rules.first { $0.id == "DTP" })
        let rounds = Int(CleanSegments.trialLookups) + 20
        let text = (0..<rounds).map { "REF*F8*\($0)~DTP*472*D8*20260110~" }.joined()
        // The source outlives the segments, which only view its bytes.
        let source = X12Source(bytes: Array(text.utf8))
        let segments = Self.segments(source)
        defer { withExtendedLifetime(source) {} }
        var memory = CleanSegments()
        var answers: [(reference: CleanSegments.Answer, date: CleanSegments.Answer)] = []
        for pair in stride(from: 0, to: segments.count, by: 2) {
            let answer = (memory.lookUp(segments[pair], rule: reference), memory.lookUp(segments[pair + 1], rule: date))
            if case .unknown(let key) = answer.0 { memory.remember(segments[pair], key) }
            if case .unknown(let key) = answer.1 { memory.remember(segments[pair + 1], key) }
            answers.append(answer)
        }
        func lookedUp(_ answer: CleanSegments.Answer) -> Bool { if case .notLookedUp = answer { false } else { true } }
        let trial = Int(CleanSegments.trialLookups)
        #expect(answers[..<trial].allSatisfy { lookedUp($0.reference) })
        #expect(answers[trial...].allSatisfy { !lookedUp($0.reference) })
        #expect(answers.dropFirst().allSatisfy { $0.date.isClean })
    }

    /// Synthetic claims (which repeat many segments) with a byte changed in some segments and in
    /// every copy of them, so that clean segments and their broken copies, and broken segments
    /// and their repeats, meet in one set: the findings with and without the memory are equal.
    @Test func findingsAreTheSameWithAndWithoutTheMemory() throws {
        var options = SyntheticFileOptions(claims: 300, seed: 11)
        options.claimsPerTransactionSet = 100
        let clean = String(decoding: try SyntheticClaimFile(options).bytes(), as: UTF8.self)
            .split(separator: "~").map(String.init)
        let replacements = Array("9Zx! ^:-.")
        var random = SeededRandom(seed: 0x5E6_0E17)
        var findingCount = 0
        for _ in 0..<12 {
            var segments = clean
            for _ in 0..<15 {
                // Past the envelope and the header, before the trailers.
                let original = segments[6 + random.next(segments.count - 12)]
                var changed = Array(original)
                let index = 3 + random.next(changed.count - 3)
                guard changed[index] != "*" else { continue }
                changed[index] = replacements[random.next(replacements.count)]
                // Every copy, or only some of them.
                let everyCopy = random.next(2) == 0
                segments = segments.map { $0 == original && (everyCopy || random.next(2) == 0) ? String(changed) : $0 }
            }
            let bytes = Array(segments.map { $0 + "~" }.joined().utf8)
            let sets = try InterchangeReader.read(X12Source(bytes: bytes)).flatMap(\.groups).flatMap(\.transactionSets)
            for set in sets {
                var remembering = ImplementationValidator()
                var checkingAll = ImplementationValidator(remembersCleanSegments: false)
                _ = ClaimParser().parse(set, interchange: 0, group: 0, transactionSet: 0, alongside: &remembering)
                _ = ClaimParser().parse(set, interchange: 0, group: 0, transactionSet: 0, alongside: &checkingAll)
                #expect(remembering.result() == checkingAll.result())
                findingCount += checkingAll.result().count
            }
        }
        #expect(findingCount > 100, "the changed bytes should break many segments")
    }
}
