/// The few ISA fields an upload is checked against at CLOSE, read from the first bytes of the file
/// (after an optional UTF-8 byte order mark and whitespace) without parsing the rest.
struct InterchangeHeader: Equatable {
    var senderQualifier: String
    var senderID: String

    /// Nil when the bytes do not start with an ISA segment reaching ISA06.
    init?(prefix bytes: [UInt8]) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let rest = bytes[start...]
        guard rest.starts(with: Array("ISA".utf8)), rest.count > 3 else { return nil }
        let separator = rest[start + 3]
        guard separator != 0x20, !(0x30...0x39).contains(separator), !(0x41...0x5A).contains(separator) else { return nil }
        let elements = rest.split(separator: separator, maxSplits: 7, omittingEmptySubsequences: false)
        guard elements.count > 7 else { return nil }
        func text(_ index: Int) -> String {
            String(decoding: elements[index], as: UTF8.self).trimmingCharacters(in: " ")
        }
        senderQualifier = text(5)
        senderID = text(6)
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
