import ClaimsCore

/// Duplicate claims (SNIP 7): the same claim (submitter, billing NPI, CLM01, dates of service,
/// total charge) sent again, within this file or after an earlier file was accepted.
public enum DuplicateEdits {
    public static let prior = Edit.business(
        "DUP-001", snip: 7, "2300 CLM01",
        "duplicate of a claim already accepted from this submitter (same billing NPI, CLM01, dates of service and charge)",
        fix: "Do not resend accepted claims; to change one, send a replacement (CLM05-3 = 7 with REF*F8).", "A3:78")

    static let rules: [any ClaimRule] = [
        Check(prior) { claim, context in
            guard !context.priorSubmissions.isEmpty, claim.frequencyCode == "1" else { return .none }
            return fires(context.priorSubmissions.contains(ClaimKey(claim, submitter: context.header.submitter.identifier)))
        },
        Check(
            .business(
                "DUP-002", snip: 7, "2300 CLM01", "the same claim appears twice in this transaction set",
                fix: "Send each claim once; remove the repeated copy.", "A3:78")
        ) { _, context in
            fires(context.repeatsEarlierClaim)
        },
    ]
}
