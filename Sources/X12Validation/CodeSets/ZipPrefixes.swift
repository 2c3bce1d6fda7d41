/// Which states each three-digit ZIP prefix serves (USPS sectional centers), for the ZIP-to-state
/// edits. A thousand slots indexed by the prefix: O(1), no allocation per look-up.
public struct ZipPrefixes: Sendable {
    /// States per prefix, each packed as two ASCII bytes.
    var states: [[UInt16]]

    public init() { states = Array(repeating: [], count: 1000) }

    public var isEmpty: Bool { states.allSatisfy(\.isEmpty) }

    /// Parses `prefix<TAB>ST[,ST…]` lines (`#` lines are comments).
    public init(parsing bytes: [UInt8]) {
        self.init()
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: "\t"))
            guard fields.count == 2, let prefix = Self.prefix(fields[0]) else { continue }
            states[prefix] = fields[1].split(separator: UInt8(ascii: ",")).compactMap(Self.pack)
        }
    }

    /// Whether the ZIP code's prefix is served in `state`; nil when the prefix is unknown or the
    /// ZIP is not numeric.
    public func zip(_ zip: String, isIn state: String) -> Bool? {
        guard let prefix = zip.withBytes({ $0.count >= 3 ? Self.prefix($0[0..<3]) : nil }),
            let packed = state.withBytes({ Self.pack($0) })
        else { return nil }
        let served = states[prefix]
        return served.isEmpty ? nil : served.contains(packed)
    }

    static func prefix<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        guard bytes.count == 3 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt16? {
        guard bytes.count == 2, let first = bytes.first, let last = bytes.dropFirst().first else { return nil }
        return UInt16(first) << 8 | UInt16(last)
    }
}
