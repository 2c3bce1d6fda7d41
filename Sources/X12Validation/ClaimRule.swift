import ClaimsCore

/// A business edit (SNIP 3, 4, 5 or 7) over one typed claim.
public protocol ClaimRule: Sendable {
    var edit: Edit { get }
    /// Violations on `claim`; `.none` when it passes.
    func check(_ claim: Claim, in context: ClaimContext) -> RuleViolations
}

/// What a rule may know beyond the claim itself.
public struct ClaimContext: Sendable {
    /// The transaction set's BHT and submitter/receiver.
    public var header: SubmissionHeader
    /// When the gateway received the file (dates of service must not be after it).
    public var receivedDate: CalendarDate
    /// External code sets (ICD-10-CM, HCPCS, POS, states, ZIP prefixes).
    public var codeSets: CodeSets
    /// The partner's SNIP 7 requirements.
    public var partner: PartnerRules
    /// Keys of claims already accepted from this submitter within the look-back window.
    public var priorSubmissions: Set<ClaimKey>
    /// Whether an earlier claim of the same transaction set has this claim's key.
    public var repeatsEarlierClaim: Bool
    /// Set by `ClaimValidator.findings` for the claims it judges.
    var billingProviderMemory: BillingProviderVerdicts?

    public init(
        header: SubmissionHeader, receivedDate: CalendarDate, codeSets: CodeSets = .standard,
        partner: PartnerRules = PartnerRules(), priorSubmissions: Set<ClaimKey> = [], repeatsEarlierClaim: Bool = false
    ) {
        self.header = header
        self.receivedDate = receivedDate
        self.codeSets = codeSets
        self.partner = partner
        self.priorSubmissions = priorSubmissions
        self.repeatsEarlierClaim = repeatsEarlierClaim
    }
}

/// What one rule found on one claim.
///
/// An enum rather than an array of violations: almost every rule asked of a claim passes, and an
/// empty array returned cost a retain and a release each (a sixth of the business edits'
/// instructions when each of about 230 rules was asked of every claim).
public enum RuleViolations: Sendable, Equatable {
    case none
    /// The claim as a whole, `times` over (a balancing edit fails once per other payer).
    case claim(times: Int)
    /// These service lines, by their LX number; never empty.
    case lines([Int])

    public var isEmpty: Bool { self == .none }
}

/// Per-partner validation settings: how SNIP 1–2 errors are scoped, which edits are softened,
/// hardened or switched off, and the partner's own (SNIP 7) requirements.
public struct ValidationProfile: Sendable, Equatable {
    public var policy: RejectionPolicy
    /// Edit id → severity, overriding the catalog's default.
    public var severityOverrides: [String: Severity]
    /// Edit ids the partner does not want run at all.
    public var disabledEdits: Set<String>
    public var rules: PartnerRules

    public init(
        policy: RejectionPolicy = .claimLevel, severityOverrides: [String: Severity] = [:],
        disabledEdits: Set<String> = [], rules: PartnerRules = PartnerRules()
    ) {
        self.policy = policy
        self.severityOverrides = severityOverrides
        self.disabledEdits = disabledEdits
        self.rules = rules
    }

    public func severity(of edit: Edit) -> Severity { severityOverrides[edit.id] ?? edit.defaultSeverity }
}

/// Runs the business rules over every claim of a parsed transaction set.
public struct ClaimValidator: Sendable {
    public let rules: [any ClaimRule]
    public let codeSets: CodeSets
    /// The catalog's rules as `Check`s, called directly: going through `any ClaimRule` (an
    /// existential copy and a witness thunk for each of ~230 calls a claim) cost about a fifth of
    /// the validator's time in `perf` profiles of `claimsgate bench-edits`.
    /// Unmanaged, so that calling one costs no retain and release: `rules` keeps them alive.
    let checks: [Unmanaged<Check>?]

    public init(rules: [any ClaimRule], codeSets: CodeSets = .standard) {
        self.rules = rules
        self.codeSets = codeSets
        checks = rules.map { ($0 as? Check).map(Unmanaged.passUnretained) }
    }

    /// The findings of `parsed`'s claims, claim by claim in the catalog's order. Judges a copy of
    /// the claims: a caller that owns the set passes it `inout`, which judges them in place.
    public func findings(
        for parsed: ParsedTransactionSet, receivedDate: CalendarDate, profile: ValidationProfile,
        priorSubmissions: Set<ClaimKey> = []
    ) -> [ClaimFinding] {
        var lent = parsed
        return findings(for: &lent, receivedDate: receivedDate, profile: profile, priorSubmissions: priorSubmissions)
    }

    /// `findings(for:…)` on a set the caller owns, left as it was: each claim is moved out of the
    /// array for its rules and moved back. Lent from the array, it was copied once a claim (every
    /// string, box and array of it retained and released, about 1,000 instructions), as the
    /// compiler cannot prove the array unchanged while the rules run.
    public func findings(
        for parsed: inout ParsedTransactionSet, receivedDate: CalendarDate, profile: ValidationProfile,
        priorSubmissions: Set<ClaimKey> = []
    ) -> [ClaimFinding] {
        let billingProviders = BillingProviderVerdicts()
        func context(repeats: Bool) -> ClaimContext {
            var context = ClaimContext(
                header: parsed.header, receivedDate: receivedDate, codeSets: codeSets, partner: profile.rules,
                priorSubmissions: priorSubmissions, repeatsEarlierClaim: repeats)
            context.billingProviderMemory = billingProviders
            return context
        }
        let first = context(repeats: false), repeating = context(repeats: true)
        let (steps, members) = plan(for: profile)
        var findings: [ClaimFinding] = []
        // The claim and the context are lent to every rule in place: a `var` context or a claim
        // copied out of the array was copied again for each of ~230 calls a claim (400 bytes and
        // more a call, the largest single cost in `perf` profiles of the validator).
        func run(
            _ claim: Claim, at index: Int, _ context: ClaimContext, _ steps: UnsafeBufferPointer<Step>,
            _ members: UnsafeBufferPointer<(rule: Int, slot: Int)>
        ) {
            func report(_ rule: Int, _ violations: RuleViolations) {
                func add(line: Int?) {
                    findings.append(
                        ClaimFinding(
                            edit: rules[rule].edit, claimIndex: index, lineNumber: line,
                            severity: profile.severity(of: rules[rule].edit)))
                }
                switch violations {
                case .none: break
                case .claim(let times): for _ in 0..<times { add(line: nil) }
                case .lines(let numbers): for number in numbers { add(line: number) }
                }
            }
            for step in steps {
                guard let group = step.group else {
                    report(
                        step.rule,
                        step.check?._withUnsafeGuaranteedRef { $0.body(claim, context) } ?? rules[step.rule].check(claim, in: context))
                    continue
                }
                let fired = group._withUnsafeGuaranteedRef { $0.fired(claim, context) }
                guard fired != 0 else { continue }
                // Rare: only the members that fired are asked what (the claim, or which lines).
                for member in members[step.members] where fired >> member.slot & 1 != 0 {
                    report(member.rule, rules[member.rule].check(claim, in: context))
                }
            }
        }
        var seen = Set<ClaimKey>(minimumCapacity: parsed.claims.count)
        let submitter = parsed.header.submitter.identifier
        // The plan is read through its buffers, each step holding its check: through the arrays
        // (a bounds check a step, `checks` indexed again) the loop cost about 1,800 instructions
        // a claim more.
        steps.withUnsafeBufferPointer { steps in
            members.withUnsafeBufferPointer { members in
                parsed.claims.withUnsafeMutableBufferPointer { claims in
                    for index in claims.indices {
                        let repeats = !seen.insert(ClaimKey(claims[index], submitter: submitter)).inserted
                        let claim = claims.moveElement(from: index)
                        run(claim, at: index, repeats ? repeating : first, steps, members)
                        claims.initializeElement(at: index, to: consume claim)
                    }
                }
            }
        }
        return findings
    }

    /// One call of the validator's loop: the rule `rule` alone (through `check` when it is one),
    /// or `group` judging the active members that stand next to each other in `rules` (`members`
    /// of the plan's member list).
    struct Step {
        var rule: Int
        var check: Unmanaged<Check>?
        var group: Unmanaged<CheckGroup>?
        var members: Range<Int>
    }

    /// The steps that run the rules `profile` neither disables nor leaves switched off, in the
    /// order of `rules`, so that a claim's findings keep the catalog's order; and the groups'
    /// members, by rule and bit.
    func plan(for profile: ValidationProfile) -> (steps: [Step], members: [(rule: Int, slot: Int)]) {
        var steps: [Step] = [], members: [(rule: Int, slot: Int)] = []
        let disabled = profile.disabledEdits
        for rule in rules.indices where disabled.isEmpty || !disabled.contains(rules[rule].edit.id) {
            if let isSwitchedOn = checks[rule]?.takeUnretainedValue().isSwitchedOn, !isSwitchedOn(profile.rules) { continue }
            guard let check = checks[rule]?.takeUnretainedValue(), let group = check.group else {
                steps.append(Step(rule: rule, check: checks[rule], group: nil, members: 0..<0))
                continue
            }
            members.append((rule, check.slot))
            if let last = steps.last?.group, last.takeUnretainedValue() === group {
                steps[steps.count - 1].members = steps[steps.count - 1].members.lowerBound..<members.count
            } else {
                steps.append(
                    Step(rule: rule, check: nil, group: Unmanaged.passUnretained(group), members: members.count - 1..<members.count))
            }
        }
        return (steps, members)
    }
}
