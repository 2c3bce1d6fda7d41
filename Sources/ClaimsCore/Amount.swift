/// A money amount in cents, exact (X12 `R` values such as `CLM02` and `SV102`).
///
/// Integer cents keep sums exact (CLM02 must equal ΣSV102 to the cent) and parse far faster than
/// `Decimal`. Values with more than two significant decimals do not parse: that is a payer edit
/// (ELE-014), reported by validation, not silently rounded.
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Amount(cents: 0)

    /// Parses an X12 `R` value: optional minus sign, digits, optional point and decimals.
    public init?<C: Collection<UInt8>>(x12 bytes: C) {
        var negative = false
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 {
                        guard digit == 0 else { return nil }
                    } else {
                        fraction = fraction * 10 + digit
                    }
                } else {
                    guard whole < 1_000_000_000_000_000 else { return nil }
                    whole = whole * 10 + digit
                }
            default:
                return nil
            }
        }
        guard seenDigit else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        cents = (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    public init?(_ text: String) { self.init(x12: Array(text.utf8)) }

    /// X12 form: no trailing zeros after the point, no point for whole amounts (`150`, `12.5`).
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Fixed two decimals, as PostgreSQL `numeric(14,2)` text.
    public var decimalString: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(cents: lhs.cents + rhs.cents) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs.cents += rhs.cents }
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.cents < rhs.cents }
}
