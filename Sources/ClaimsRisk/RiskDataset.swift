import ClaimsCore

/// Feature rows for a sequence of labelled claims in submission order, with history built the
/// way the pipeline builds it: each claim sees the outcomes and fingerprints of the claims
/// before it, never its own.
public struct RiskDataset: Sendable {
    public var rows: [[Double]]
    public var labels: [Bool]
    public var heldOut: [Bool]

    /// Rows already extracted (stored at scoring time).
    public init(rows: [[Double]], labels: [Bool], heldOut: [Bool]) {
        self.rows = rows
        self.labels = labels
        self.heldOut = heldOut
    }

    public init(_ claims: [LabelledClaim], extractor: FeatureExtractor) {
        var providers: [String: (claims: Int, rejections: Int)] = [:]
        var payers: [String: (claims: Int, rejections: Int)] = [:]
        var duplicates = DuplicateIndex()
        rows = []
        labels = []
        heldOut = []
        rows.reserveCapacity(claims.count)
        for example in claims {
            let claim = example.claim
            let provider = providers[claim.billingProvider.npi ?? "", default: (0, 0)]
            let payer = payers[claim.payer.identifier, default: (0, 0)]
            let history = ClaimHistory(
                providerClaims: provider.claims, providerRejections: provider.rejections, payerClaims: payer.claims,
                payerRejections: payer.rejections, validationWarnings: example.validationWarnings,
                duplicate: duplicates.check(ClaimFingerprint(claim)))
            rows.append(extractor.features(of: claim, submittedOn: example.submittedOn, history: history))
            labels.append(example.denied)
            heldOut.append(example.isHeldOut)
            let rejected = example.denied ? 1 : 0
            providers[claim.billingProvider.npi ?? ""] = (provider.claims + 1, provider.rejections + rejected)
            payers[claim.payer.identifier] = (payer.claims + 1, payer.rejections + rejected)
        }
    }

    /// Rows and labels of one split.
    public func split(heldOut wanted: Bool) -> (rows: [[Double]], labels: [Bool]) {
        var rows: [[Double]] = []
        var labels: [Bool] = []
        for i in self.rows.indices where heldOut[i] == wanted {
            rows.append(self.rows[i])
            labels.append(self.labels[i])
        }
        return (rows, labels)
    }
}
