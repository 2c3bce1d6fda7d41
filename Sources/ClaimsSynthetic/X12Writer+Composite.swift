import X12

extension X12Writer {
    /// A composite from a list whose length varies (modifiers, diagnosis pointers); the X12
    /// module's variadic `composite(_:)` cannot take an array.
    func composite(_ components: [String]) -> String {
        components.joined(separator: String(UnicodeScalar(delimiters.component)))
    }
}
