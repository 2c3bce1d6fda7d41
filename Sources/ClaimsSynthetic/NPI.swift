/// National Provider Identifier arithmetic: ten digits whose last is a Luhn check digit computed
/// over the card-issuer prefix `80840` followed by the first nine digits (CMS NPI standard).
///
/// Generated providers must pass the check (BP-008), or every synthetic claim would be rejected
/// with `A7:562:85` before it exercised anything else.
public enum NPI {
    /// The check digit for the first nine digits of an NPI.
    public static func checkDigit(forFirstNine digits: some StringProtocol) -> Int? {
        guard digits.count == 9 else { return nil }
        var sum = 24  // the contribution of the doubled-and-summed `80840` prefix
        for (offset, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }

    /// Whether `value` is ten ASCII digits, starts with 1 or 2, and has a correct check digit.
    public static func isValid(_ value: some StringProtocol) -> Bool {
        guard value.count == 10, let first = value.first, first == "1" || first == "2",
            let last = value.last?.wholeNumberValue, last == checkDigit(forFirstNine: value.prefix(9))
        else { return false }
        return true
    }
}
