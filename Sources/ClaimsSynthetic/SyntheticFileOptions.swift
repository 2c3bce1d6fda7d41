import ClaimsCore

/// What `claimsgate generate` asks for: how many claims, from which seed, between which partners.
///
/// Everything not given is derived from the seed (reference date, times, control numbers), never
/// from the clock, so that the same options always give the same bytes.
public struct SyntheticFileOptions: Sendable, Hashable {
    /// The most claims one transaction set may hold: large sets make one bad segment reject too much.
    public static let maximumClaimsPerTransactionSet = 5_000

    public var claims: Int
    public var seed: UInt64
    /// ISA06/GS02 and the 1000A submitter id (qualifier `ZZ`).
    public var senderID = "DEMOSUBMITTER"
    /// ISA08/GS03 and the 1000B receiver id (qualifier `ZZ`).
    public var receiverID = "CLAIMSGATE"
    /// Claims per ST…SE; several transaction sets per file once `claims` exceeds it.
    public var claimsPerTransactionSet = 2_000
    /// ISA15.
    public var usageIndicator = UsageIndicator.test
    /// ISA14: ask the receiver for a TA1.
    public var acknowledgmentRequested = false
    /// ISA13; derived from the seed when nil.
    public var interchangeControlNumber: Int?
    /// The day the file is "sent" (ISA09, GS04, BHT04); services fall in the 90 days before it.
    /// Derived from the seed (a day in 2024–2025) when nil.
    public var referenceDate: CalendarDate?
    /// A line break after each segment terminator (readable; off by default, as most submitters send).
    public var lineBreaks = false
    /// Plant risky patterns per the ground-truth denial process (`GroundTruthRisk`), whose labels
    /// `SyntheticClaimFile.labels()` gives.
    public var labelled = false

    public init(claims: Int, seed: UInt64) {
        self.claims = claims
        self.seed = seed
    }

    /// ISA15 values.
    public enum UsageIndicator: String, Sendable, Hashable {
        case test = "T"
        case production = "P"
    }

    /// Why options cannot produce a valid file.
    public enum Invalid: Error, Hashable, CustomStringConvertible {
        case claimCount
        case claimsPerTransactionSet
        case partnerID(String)
        case interchangeControlNumber

        public var description: String {
            switch self {
            case .claimCount: "the number of claims must be at least 1"
            case .claimsPerTransactionSet:
                "claims per transaction set must be 1...\(SyntheticFileOptions.maximumClaimsPerTransactionSet)"
            case .partnerID(let id): "interchange id '\(id)' must be 1-15 characters: letters, digits, space, - . /"
            case .interchangeControlNumber: "the interchange control number must be 1...999999999"
            }
        }
    }

    /// Checks what the envelope and the guide require of these values.
    public func validate() throws(Invalid) {
        guard claims >= 1 else { throw .claimCount }
        guard (1...Self.maximumClaimsPerTransactionSet).contains(claimsPerTransactionSet) else {
            throw .claimsPerTransactionSet
        }
        for id in [senderID, receiverID] where !Self.isInterchangeID(id) { throw .partnerID(id) }
        if let number = interchangeControlNumber, !(1...999_999_999).contains(number) {
            throw .interchangeControlNumber
        }
    }

    static func isInterchangeID(_ id: String) -> Bool {
        (1...15).contains(id.count) && id.first != " "
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " -./".contains($0)) }
    }

    /// `referenceDate`, or a day in 2024–2025 chosen by the seed.
    public var effectiveReferenceDate: CalendarDate {
        if let referenceDate { return referenceDate }
        var rng = SplitMix64(seed: seed, stream: 3)
        return CalendarDate(year: 2024, month: 1, day: 1)!.adding(days: rng.int(in: 0...730))
    }

    /// `interchangeControlNumber`, or a number chosen by the seed.
    public var effectiveInterchangeControlNumber: Int {
        if let interchangeControlNumber { return interchangeControlNumber }
        var rng = SplitMix64(seed: seed, stream: 4)
        return rng.int(in: 1...999_999_999)
    }

    /// Number of ST…SE sets the file will hold.
    public var transactionSetCount: Int { (claims + claimsPerTransactionSet - 1) / claimsPerTransactionSet }
}
