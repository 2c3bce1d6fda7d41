import Dispatch

extension Collection where Element: Sendable {
    /// `map`, with the elements spread over every core (Dispatch's `concurrentPerform`), results
    /// in the original order. For pure, CPU-bound work such as judging transaction sets or
    /// encoding rows: a 2-core machine does the work of a file in about half the time.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer { results.deallocate() }
            nonisolated(unsafe) let slots = results
            let elements = Array(self)
            // Each iteration writes only its own slot.
            DispatchQueue.concurrentPerform(iterations: elements.count) { offset in
                slots[offset] = transform(elements[offset])
            }
            let mapped = results.map { $0! }
            _ = results.deinitialize()
            return mapped
        }
    }
}
