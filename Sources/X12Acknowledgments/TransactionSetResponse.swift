import X12

/// The 999's answer for one received transaction set: an AK2 loop (2000) closed by IK5.
public struct TransactionSetResponse: Sendable, Hashable {
    /// What the caller's policy decided for the set.
    public enum Disposition: Sendable, Hashable {
        /// Nothing wrong.
        case accepted
        /// Errors confined to claims (claim-level policy): the set is processed, the claims named
        /// by the IK3s are rejected on the 277CA.
        case acceptedWithErrors
        /// Rejected as a whole (strict policy, or an error that breaks the set's structure).
        case rejected
    }

    /// AK201 = ST01.
    public var identifier: String
    /// AK202 = ST02.
    public var controlNumber: String
    /// AK203 = ST03, when the set carried one.
    public var implementationReference: String?
    /// IK502–IK506: transaction-set-level error codes (`4` SE count, `I6` unsupported guide…).
    /// Only the first five fit; any error code here rejects the set.
    public var setErrors: [String]
    public var segmentErrors: [SegmentError]
    public var disposition: Disposition

    public init(
        identifier: String = "837", controlNumber: String, implementationReference: String? = "005010X222A1",
        setErrors: [String] = [], segmentErrors: [SegmentError] = [], disposition: Disposition = .accepted
    ) {
        self.identifier = identifier
        self.controlNumber = controlNumber
        self.implementationReference = implementationReference
        self.setErrors = setErrors
        self.segmentErrors = segmentErrors
        self.disposition = disposition
    }

    /// A response for a set as the envelope reader saw it, its envelope issues becoming IK502 codes.
    public init(_ set: TransactionSet, segmentErrors: [SegmentError] = [], disposition: Disposition = .accepted) {
        self.init(
            identifier: set.identifier, controlNumber: set.controlNumber,
            implementationReference: set.implementationReference.isEmpty ? nil : set.implementationReference,
            setErrors: set.issues.map(\.ik502Code), segmentErrors: segmentErrors, disposition: disposition)
    }

    /// IK501. `R` when a set-level error exists or the policy rejected the set; `E` when segment
    /// errors were noted on a set that is still processed (errors can never be reported with `A`);
    /// `A` otherwise.
    public var acknowledgmentCode: String {
        if !setErrors.isEmpty || disposition == .rejected { return "R" }
        if !segmentErrors.isEmpty || disposition == .acceptedWithErrors { return "E" }
        return "A"
    }

    /// Whether the set counts as accepted in AK904 (IK501 `A` or `E`).
    public var isAccepted: Bool { acknowledgmentCode != "R" }

    /// IK502–IK506 as written. Without explicit set errors, segment errors are summarised as `5`
    /// (one or more segments in error), or `I5` when all of them are implementation-guide errors.
    var writtenSetErrors: [String] {
        if !setErrors.isEmpty { return Array(setErrors.prefix(5)) }
        guard !segmentErrors.isEmpty else { return [] }
        return segmentErrors.allSatisfy(\.isImplementationOnly) ? ["I5"] : ["5"]
    }
}
