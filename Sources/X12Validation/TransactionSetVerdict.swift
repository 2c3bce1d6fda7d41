import ClaimsCore
import X12
import X12Schema

/// How a trading partner wants SNIP 1–2 errors inside claims handled.
public enum RejectionPolicy: String, Sendable, Codable {
    /// A syntax error inside one claim's loops rejects that claim only (999 IK5*E, 277CA A3:684);
    /// an error in a loop shared by several claims rejects all of them.
    case claimLevel = "claim-level"
    /// Any SNIP 1–2 error rejects the whole transaction set (what Medicare front ends do).
    case strict
}

/// What happens to one transaction set and each of its claims.
public struct TransactionSetVerdict: Sendable {
    public enum Disposition: Sendable, Hashable {
        case accepted
        case acceptedWithErrors
        case rejected
    }

    public var disposition: Disposition
    /// IK502 codes of set-level problems (envelope, counts).
    public var setErrors: [String]
    public var findings: [SegmentFinding]
    /// Business edits (SNIP 3–7) per claim, warnings included; they never reject the set.
    public var claimFindings: [ClaimFinding] = []
    /// Indices of claims rejected because a SNIP 1–2 finding touches them (277CA A3:684) or a
    /// rejecting business edit fired on them.
    public var rejectedClaims: Set<Int>

    /// Judges a transaction set from its envelope issues and the structure errors found while
    /// parsing it, under `policy`.
    public init(set: TransactionSet, parsed: ParsedTransactionSet?, policy: RejectionPolicy) {
        self.init(
            set: set, parsed: parsed, findings: (parsed?.structureErrors ?? []).map(SegmentFinding.init(structure:)),
            policy: policy)
    }

    /// Judges a transaction set from its envelope issues and its SNIP 1–2 `findings` (structure,
    /// element and situational, as `TransactionSetValidator` returns them), under `policy`.
    public init(set: TransactionSet, parsed: ParsedTransactionSet?, findings: [SegmentFinding], policy: RejectionPolicy) {
        setErrors = set.issues.map(\.ik502Code)
        self.findings = findings
        rejectedClaims = []
        guard setErrors.isEmpty, let parsed else {
            disposition = .rejected
            return
        }
        guard !self.findings.isEmpty else {
            disposition = .accepted
            return
        }
        var everyFindingScoped = true
        for index in self.findings.indices {
            let affected = Self.claims(touchedAt: self.findings[index].position, in: parsed.claims)
            if affected.count == 1 { self.findings[index].claimIndex = affected.first }
            if affected.isEmpty { everyFindingScoped = false }
            rejectedClaims.formUnion(affected)
        }
        if policy == .strict || !everyFindingScoped || rejectedClaims.count == parsed.claims.count {
            disposition = .rejected
            rejectedClaims = Set(parsed.claims.indices)
        } else {
            disposition = .acceptedWithErrors
        }
    }

    /// Adds business-edit findings: rejecting ones reject their claim (277CA), warnings do not.
    public mutating func add(_ findings: [ClaimFinding]) {
        guard disposition != .rejected else { return }
        claimFindings += findings
        rejectedClaims.formUnion(findings.filter { $0.severity == .reject }.map(\.claimIndex))
    }

    /// Claims whose own loops (2300 and below) contain `position`, or, for a position in a
    /// subscriber or patient level, every claim under that level. Claims are in file order, so
    /// the claim is found by bisection: a set with an error on every claim stays linear.
    static func claims(touchedAt position: Int, in claims: [Claim]) -> [Int] {
        var (low, high) = (0, claims.count)
        while low < high {
            let middle = (low + high) / 2
            if claims[middle].position.segmentPosition > position { high = middle } else { low = middle + 1 }
        }
        // `low` is the first claim starting after `position`; the one before may hold it.
        if low > 0, claims[low - 1].position.lastSegmentPosition >= position { return [low - 1] }
        // Between a subscriber HL and its first claim: the error belongs to that subscriber's
        // claims, which are consecutive.
        guard low < claims.count, claims[low].position.subscriberPosition <= position else { return [] }
        let subscriber = claims[low].position.subscriberPosition
        var (first, end) = (low, low + 1)
        while first > 0, claims[first - 1].position.subscriberPosition == subscriber { first -= 1 }
        while end < claims.count, claims[end].position.subscriberPosition == subscriber { end += 1 }
        return Array(first..<end)
    }
}

extension StructureError {
    /// Catalog id of the structure edit (see the validation catalog).
    public var editID: String {
        switch kind {
        case .unrecognizedSegment: "SEG-001"
        case .unexpectedSegment: "SEG-002"
        case .requiredSegmentMissing: "SEG-003"
        case .loopOverMaximum: "SEG-004"
        case .segmentOverMaximum: "SEG-005"
        case .segmentNotInTransactionSet: "SEG-006"
        case .segmentOutOfSequence: "SEG-007"
        }
    }

    public var message: String {
        let what = name.map { "\(segmentID) (\($0))" } ?? "\(segmentID)"
        switch kind {
        case .unrecognizedSegment: return "segment tag \(segmentID) is not a valid X12 segment identifier"
        case .unexpectedSegment: return "\(what) is not expected in loop \(loopID) at this point"
        case .requiredSegmentMissing: return "required \(what) is missing from loop \(loopID)"
        case .loopOverMaximum: return "loop \(loopID) occurs more often than the guide allows"
        case .segmentOverMaximum: return "\(what) occurs more often than the guide allows in loop \(loopID)"
        case .segmentNotInTransactionSet: return "segment \(segmentID) is not part of the 837P transaction set"
        case .segmentOutOfSequence: return "\(what) is out of order in loop \(loopID)"
        }
    }
}
