/// A two-character code (modifier, place of service) as one number: comparing these is a
/// register compare, where `String ==` on distinct small strings goes through a slow path.
struct TwoCharacterCode: Equatable {
    let value: UInt16

    init(_ text: String) {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), bytes.next() == nil else {
            value = 0
            return
        }
        value = UInt16(first) << 8 | UInt16(second)
    }

    private init(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        value = UInt16(first.value) << 8 | UInt16(second.value)
    }

    static let modifier25 = Self("2", "5")
    static let right = Self("R", "T")
    static let left = Self("L", "T")
    static let bilateral = Self("5", "0")
    static let physicalTherapy = Self("G", "P")
    static let occupationalTherapy = Self("G", "O")
    static let speechTherapy = Self("G", "N")
    /// Place of service 02 (telehealth other than home) and 10 (telehealth in the patient's home).
    static let telehealthOther = Self("0", "2")
    static let telehealthHome = Self("1", "0")
}
