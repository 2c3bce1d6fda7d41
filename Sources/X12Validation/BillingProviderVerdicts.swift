import ClaimsCore

/// Verdicts on the billing provider a transaction set's claims share, remembered for one
/// `ClaimValidator.findings` call.
///
/// Claims of one billing provider share its box (`OutOfLine`): a clearinghouse's batch has tens
/// to hundreds of claims a provider (the benchmark's about 330), and its address and identifier
/// edits were judged again for each (about 1,500 instructions a claim). The claims do not change
/// while the call judges them, so a box met again holds what it held and its verdicts stand.
/// Kept no longer than the call (a freed box's address can be reused), and never in a context
/// made by a caller asking rules one by one, whose claim may change between asks. The payer's
/// box was remembered too, for nothing: a set's claims take its few payers in turn, and its
/// address edits cost little more than the look-up.
final class BillingProviderVerdicts: @unchecked Sendable {
    /// The families that judge the billing provider, each remembered for the box met last.
    enum Family: Int {
        case address, identifiers
    }

    private struct Entry {
        var box: ObjectIdentifier?
        var verdicts: UInt64 = 0
    }

    /// Read and written by the one thread running the call that made it.
    @exclusivity(unchecked) private var entries = InlineArray<2, Entry>(repeating: Entry())

    /// `judge`'s verdicts on the provider in `box`, judged only when `family` last met another.
    @inline(__always) func verdicts(_ family: Family, of box: ObjectIdentifier, _ judge: () -> UInt64) -> UInt64 {
        let index = family.rawValue
        if entries[index].box == box { return entries[index].verdicts }
        let verdicts = judge()
        entries[index] = Entry(box: box, verdicts: verdicts)
        return verdicts
    }
}

extension ClaimContext {
    /// `judge`'s verdicts on the claim's billing provider: remembered within
    /// `ClaimValidator.findings`, judged every time for a rule asked alone.
    @inline(__always) func billingProviderVerdicts(
        _ family: BillingProviderVerdicts.Family, of claim: Claim, _ judge: () -> UInt64
    ) -> UInt64 {
        guard let billingProviderMemory else { return judge() }
        return billingProviderMemory.verdicts(family, of: claim.$billingProvider, judge)
    }
}
