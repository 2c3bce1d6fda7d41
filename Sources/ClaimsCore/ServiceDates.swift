/// Earliest and latest service date of a claim's lines (lines without a date left out): the
/// duplicate key's range and the date the edits compare against.
///
/// Inlinable and read in place: an out-of-line call on a claim borrowed from an array copied the
/// whole claim, and `for line in` copies every line.
public struct ServiceDates: Sendable, Equatable {
    public var first: CalendarDate?
    public var last: CalendarDate?

    @inlinable public init(_ lines: [ServiceLine]) {
        lines.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                guard let from = lines[index].serviceDateFrom else { continue }
                let to = lines[index].serviceDateTo ?? from
                if first.map({ from < $0 }) ?? true { first = from }
                if last.map({ to > $0 }) ?? true { last = to }
            }
        }
    }
}
