import Testing
import X12
import X12Schema

/// Every syntax note of the 837P's segments, decided on bits, agrees with X12.6's wording of its
/// kind (§3.8.5) for every combination of its positions being sent.
@Suite struct SyntaxNoteTests {
    static let notes = X12Dictionary.segments.values.flatMap(\.syntaxNotes)

    @Test func everyKindIsUsed() {
        #expect(Set(Self.notes.map(\.kind)) == [.paired, .required, .exclusion, .conditional, .listConditional])
    }

    @Test(arguments: notes)
    func decidesAsTheStandardWordsIt(note: SyntaxNote) {
        let positions = note.positions
        for combination in 0..<(1 << positions.count) {
            let sentPositions = positions.indices.filter { combination & 1 << $0 != 0 }.map { positions[$0] }
            // A position outside the note, sent or not, changes nothing.
            var sent = sentPositions.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            for other in [1, 30] where combination % 2 == 0 && !positions.contains(other) { sent |= 1 << UInt64(other) }
            let sentSet = Set(sentPositions)
            let first = positions[0], rest = Array(positions.dropFirst())
            let expected: [Int]
            switch note.kind {
            case .paired:  // if any is present, all are
                expected = sentSet.isEmpty ? [] : positions.filter { !sentSet.contains($0) }
            case .required:  // at least one is present
                expected = sentSet.isEmpty ? [first] : []
            case .exclusion:  // not more than one is present
                expected = sentPositions.count > 1 ? [sentPositions[1]] : []
            case .conditional:  // if the first is present, all the others are
                expected = sentSet.contains(first) ? rest.filter { !sentSet.contains($0) } : []
            case .listConditional:  // if the first is present, at least one of the others is
                expected = sentSet.contains(first) && sentSet.isDisjoint(with: rest) ? [rest[0]] : []
            }
            #expect(note.isKept(by: sent) == expected.isEmpty, "\(note) with \(sentPositions)")
            if !expected.isEmpty { #expect(note.faultPositions(sent: sent) == expected, "\(note) with \(sentPositions)") }
        }
    }
}
