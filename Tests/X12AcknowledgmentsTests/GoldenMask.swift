/// Blanks the envelope values that change from run to run (dates, times, control numbers), so a
/// golden acknowledgment can be compared with one produced by the live pipeline.
///
/// Masked: ISA09/10/13, GS04/05/06, ST02, SE02, GE02, IEA02 — the same fields pyx12 ignores when
/// it compares acks. The ISA keeps its fixed width. Expects standard delimiters (`*`, `~`).
enum GoldenMask {
    static func mask(_ text: String) -> String {
        var output = ""
        for piece in text.split(separator: "~", omittingEmptySubsequences: false) {
            let layout = piece.prefix { $0 == "\n" || $0 == "\r" }
            var elements = piece.dropFirst(layout.count).split(separator: "*", omittingEmptySubsequences: false)
                .map(String.init)
            let masked: [Int: String] =
                switch elements.first {
                case "ISA": [9: "YYMMDD", 10: "HHMM", 13: "#########"]
                case "GS": [4: "CCYYMMDD", 5: "HHMM", 6: "#"]
                case "ST": [2: "#"]
                case "SE", "GE", "IEA": [2: "#"]
                default: [:]
                }
            for (index, value) in masked where index < elements.count { elements[index] = value }
            output += layout + elements.joined(separator: "*") + "~"
        }
        return String(output.dropLast())
    }
}
