/// SV107-1…4: a service line's 1-based pointers into its claim's diagnoses, kept inline: held in an
/// array, they cost every line an allocation and a free.
///
/// Holds at most four, as the guide's composite does; a line that sends more is rejected by
/// SNIP 1 (too many components), and only its first four are kept.
public struct DiagnosisPointers: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
    public static let capacity = 4

    @usableFromInline var pointers = InlineArray<4, Int>(repeating: 0)
    public internal(set) var endIndex = 0

    @inlinable public init() {}

    public init(arrayLiteral elements: Int...) {
        for element in elements { append(element) }
    }

    // Inlinable, as the edits read pointers a few times a line through the collection's methods.
    @inlinable public var startIndex: Int { 0 }

    @inlinable public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < endIndex, "diagnosis pointer index out of range")
        return pointers[position]
    }

    /// Adds `pointer` when there is room for it.
    public mutating func append(_ pointer: Int) {
        guard endIndex < Self.capacity else { return }
        pointers[endIndex] = pointer
        endIndex += 1
    }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}
