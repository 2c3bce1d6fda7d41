/// A destination payer (2010BB) and the kind of coverage it sells (SBR09), which decides what its
/// members look like: Medicare members are 65+, self-insured and carry an MBI.
public struct SyntheticPayer: Sendable, Hashable {
    public var name: String
    /// NM109 with NM108=PI.
    public var payerID: String
    /// SBR09 claim filing indicator (`CI`, `HM`, `BL`, `MC`, `MB`).
    public var filingIndicator: String
    /// Prefix of generated member ids (none for Medicare, whose ids are MBIs).
    public var memberIDPrefix: String

    public init(name: String, payerID: String, filingIndicator: String, memberIDPrefix: String) {
        self.name = name
        self.payerID = payerID
        self.filingIndicator = filingIndicator
        self.memberIDPrefix = memberIDPrefix
    }

    public var isMedicare: Bool { filingIndicator == "MB" }
    /// Whether the plan carries a group number (SBR03): employer-sponsored plans do.
    public var hasGroupNumber: Bool { ["CI", "HM", "BL"].contains(filingIndicator) }
}
