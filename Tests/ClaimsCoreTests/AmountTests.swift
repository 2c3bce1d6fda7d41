import ClaimsCore
import Testing

@Suite("Amount")
struct AmountTests {
    @Test func parsesCentsExactly() {
        #expect(Amount(x12: Array("123.4".utf8)) == Amount(cents: 12_340))
        #expect(Amount(x12: Array("-0.05".utf8)) == Amount(cents: -5))
        #expect(Amount(x12: Array("7.500".utf8)) == Amount(cents: 750))
        #expect(Amount(x12: Array("7.505".utf8)) == nil)
        #expect(Amount(x12: Array("1.2.3".utf8)) == nil)
    }

    /// X12 lets an `R` value carry 18 digits; any amount a partner sends must parse or be refused,
    /// never trap (an overflow would take the gateway down with every file in flight). Sixteen
    /// whole digits parse, what the store's `numeric(18, 2)` columns hold.
    @Test func amountsTooLargeForCentsAreRefused() {
        #expect(Amount(x12: Array("9999999999999999.99".utf8)) == Amount(cents: 999_999_999_999_999_999))
        #expect(Amount(x12: Array("10000000000000000".utf8)) == nil)
        #expect(Amount(x12: Array("9999999999999999999".utf8)) == nil)
        #expect(Amount(x12: Array("-99999999999999999.99".utf8)) == nil)
    }
}
