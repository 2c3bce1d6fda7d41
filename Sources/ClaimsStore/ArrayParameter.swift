/// Text arrays as query parameters (`= ANY ($1::text[])`, `unnest($1::text[])`): one parameter
/// for a whole list instead of a placeholder per element.
public enum ArrayParameter {
    /// A PostgreSQL array literal of text elements (`{"a","b\"c"}`), every element quoted so that
    /// commas, braces, spaces and the word NULL stay plain text.
    public static func text(_ elements: [String]) -> String {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        for (index, element) in elements.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { literal.append(UInt8(ascii: "\\")) }
                literal.append(byte)
            }
            literal.append(UInt8(ascii: "\""))
        }
        literal.append(UInt8(ascii: "}"))
        return String(decoding: literal, as: UTF8.self)
    }
}
