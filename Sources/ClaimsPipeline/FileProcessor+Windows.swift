import ClaimsCore
import ClaimsRisk
import ClaimsStore
import Logging
import X12

/// What processing a file window by window carries from one window to the next.
struct FileProgress {
    /// CLM segments read, whatever their fate.
    var claimCount = 0
    /// Claims validation accepted (held ones included).
    var acceptedClaims = 0
    /// Claims stored so far: the file-level index of the next window's first claim.
    var storedClaims = 0
    /// Stored claims in state `accepted` (neither rejected nor held).
    var storedAccepted = 0
    var held = 0
    /// Fingerprints of the window stored last, for the risk stage's duplicate feature (the
    /// windows before it are in `claim_risk` when the next one is scored ahead).
    var lastWindowFingerprints = DuplicateIndex()
    var outcomes = OutcomeTally()
}

extension FileProcessor {
    /// The default `windowBytes`: enough sets to keep every core busy and batches large, few
    /// enough that a window's claims are a small, fixed amount of memory, whatever the file's size.
    /// 8 MiB until the tenth session: 4 MiB took the bench's peak from about 176 to 130 MiB, and
    /// 300,000 claims of the independent generator's richer kind, scored, from 363–468 to
    /// 229–270 MB, for no end-to-end change the alternating runs could tell from noise.
    public static let defaultWindowBytes = 4 << 20

    /// `places` in file order, cut into windows of about `windowBytes` (whole sets, at least one).
    static func windows(_ places: [SetPlace], of envelope: FileAssessment, windowBytes: Int) -> [[SetPlace]] {
        var windows: [[SetPlace]] = []
        var current: [SetPlace] = []
        var bytes = 0
        for place in places {
            current.append(place)
            bytes += envelope.transactionSet(at: place).range.count
            if bytes >= windowBytes {
                windows.append(current)
                (current, bytes) = ([], 0)
            }
        }
        if !current.isEmpty { windows.append(current) }
        return windows
    }

    /// Judges the file a window at a time: each window's claims are checked for duplicates,
    /// scored and stored (while the file is `processing`), and answered in the acknowledgments,
    /// then let go with the pages of the file they came from.
    func processWindows(
        of envelope: FileAssessment, source: X12Source, record: FileRecord, partner: PartnerConfiguration,
        acknowledgments: AcknowledgmentStream?, clock: inout StageClock, logger: Logger
    ) async throws -> FileProgress {
        let stores = record.state == .processing
        let submissions = ClaimSubmissionRepository(database: database)
        if stores {
            try await ClaimRepository(database: database).clearClaims(fileID: record.id)
            try await submissions.forget(fileID: record.id)
        }
        let assessor = FileAssessor(identity: identity)
        let receivedDate = CalendarDate(utc: record.receivedAt)
        let lookBack = receivedDate.adding(days: -partner.validation.rules.duplicateLookBackDays)
        var progress = FileProgress()
        // One window is judged and checked for duplicates ahead while the one before it is stored
        // and answered: the cores parse while PostgreSQL writes. Never more than one ahead, so
        // memory holds two windows. (The look-up leaves out the file's own keys, so it does not
        // need the windows before it stored.)
        let windows = Self.windows(envelope.judgeablePlaces, of: envelope, windowBytes: windowBytes)
        // The window's claims are scored ahead with it, against everything stored but the window
        // being stored meanwhile (settled in turn, `RiskStage.settle`).
        // Its duplicate keys are made and hashed ahead too, once for the look-up and the store.
        typealias Judged = (window: FileAssessment, scored: RiskStage.ScoredAhead?, keys: [(claimIndex: Int, key: SubmissionKey)])
        func judging(_ index: Int) -> Task<Judged, any Error>? {
            guard windows.indices.contains(index) else { return nil }
            return Task { [risk, database] in
                var (window, keys) = try await Blocking.run {
                    let window = assessor.judge(windows[index], of: envelope, partner: partner, receivedDate: receivedDate)
                    return (window, window.acceptedClaimKeys.map { (claimIndex: $0.claimIndex, key: SubmissionKey($0.key)) })
                }
                let prior = try await submissions.accepted(among: keys.map(\.key), since: lookBack, excludingFile: record.id)
                window.markDuplicates(prior, profile: partner.validation)
                keys = window.stillAccepted(keys)
                guard stores, let risk else { return (window, nil, keys) }
                let scored = try await risk.scoreAhead(window.scoringInputs, policy: partner.risk, database: database)
                return (window, scored, keys)
            }
        }
        var ahead = judging(0)
        defer { ahead?.cancel() }
        for (index, places) in windows.enumerated() {
            let (window, scoredAhead, keys) = try await ahead!.value
            ahead = judging(index + 1)
            clock.lap("assess")
            progress.claimCount += window.claimCount
            progress.acceptedClaims += window.acceptedClaimCount
            if stores {
                // The keys go on a connection of their own while the claims are stored, and the
                // window's answers are written meanwhile (they need only the held claims, known
                // once the scores are settled).
                let first = progress.storedClaims
                let keys = keys.map { (claimIndex: first + $0.claimIndex, key: $0.key) }
                async let keysRecorded: Void = submissions.append(keys, fileID: record.id)
                let settled = settle(window, scoredAhead: scoredAhead, partner: partner, progress: &progress)
                clock.lap("score")
                acknowledgments?.hold(settled.held)
                async let acknowledged: Void? = acknowledgments?.add(window)
                try await store(settled, fileID: record.id, partner: partner, progress: &progress, clock: &clock)
                try await keysRecorded
                clock.lap("store")
                try await acknowledged
            } else {
                try await acknowledgments?.add(window)
            }
            clock.lap("acknowledge")
            progress.storedClaims += window.storedClaimCount
            // The file's pages go back; the heap the window freed stays for the next window.
            // Trimmed after each window, it was handed back only to be faulted in again: a
            // quarter of the bench's page faults and about 8 % of its end to end, for no lower
            // peak RSS (the claims arrays are mappings of their own). The gateway trims after
            // each file.
            source.release(envelope.byteRange(of: places))
        }
        if stores { try await finishStoring(record.id, partner: partner, progress: progress, logger: logger) }
        return progress
    }

    /// A window's claims ready to be stored: rows pointing into the window (held claims in state
    /// `review`), their settled scores, and the file-level indices of the held.
    struct SettledWindow {
        var rows: [ClaimRow]
        var scored: [RiskStage.Scored]?
        var held: [Int]
    }

    /// Settles one window's scores (when a model is loaded, `scoredAhead`) and gives each of its
    /// claims its state.
    func settle(
        _ window: FileAssessment, scoredAhead: RiskStage.ScoredAhead?, partner: PartnerConfiguration,
        progress: inout FileProgress
    ) -> SettledWindow {
        var scored: [RiskStage.Scored]?
        if let risk, let scoredAhead { scored = risk.settle(scoredAhead, after: &progress.lastWindowFingerprints, policy: partner.risk) }
        var rows: [ClaimRow] = []
        rows.reserveCapacity(window.storedClaimCount)
        var held: [Int] = []
        window.forEachClaim { set, index, slot in
            let score = scored?[rows.count]
            let state: ClaimState =
                set.verdict.rejectedClaims.contains(index) ? .rejected : score?.held == true ? .review : .accepted
            if state == .review { held.append(progress.storedClaims + rows.count) }
            rows.append(ClaimRow(slot, state: state, riskScore: score?.assessment.score))
        }
        return SettledWindow(rows: rows, scored: scored, held: held)
    }

    /// Stores a settled window's claims and their risk rows, the two on connections of their own
    /// at once.
    func store(
        _ settled: SettledWindow, fileID: Int64, partner: PartnerConfiguration, progress: inout FileProgress,
        clock: inout StageClock
    ) async throws {
        let first = progress.storedClaims
        async let riskStored: Void = storeRisk(settled.scored, fileID: fileID, policy: partner.risk, firstIndex: first)
        try await ClaimRepository(database: database, phi: phi).appendClaims(fileID: fileID, settled.rows, firstIndex: first)
        progress.storedAccepted += settled.rows.count(where: { $0.state == .accepted })
        progress.held += settled.held.count
        clock.lap("store")
        try await riskStored
        guard settled.scored != nil else { return }
        for row in settled.rows {
            progress.outcomes.add(
                OutcomeEvent(
                    provider: row.claim.billingProvider.npi ?? "", payer: row.claim.payer.identifier,
                    rejected: row.state == .rejected))
        }
        clock.lap("store-risk")
    }

    /// The risk rows of a window's scored claims (none without a model), the first being the
    /// file's claim `firstIndex`: made and copied beside the claims' own COPY.
    func storeRisk(_ scored: [RiskStage.Scored]?, fileID: Int64, policy: RiskPolicy, firstIndex: Int) async throws {
        guard let risk, let scored, !scored.isEmpty else { return }
        try await RiskRepository(database: database).append(
            fileID: fileID, risk.records(scored, policy: policy, firstIndex: firstIndex))
    }

    /// Once every window is stored: the file's claim counts, and its outcomes into the risk history.
    func finishStoring(_ fileID: Int64, partner: PartnerConfiguration, progress: FileProgress, logger: Logger)
        async throws
    {
        try await ClaimRepository(database: database).recordCounts(
            fileID: fileID, claims: progress.storedClaims, accepted: progress.storedAccepted)
        guard let risk else { return }
        try await RiskRepository(database: database).recordOutcomes(fileID: fileID, progress.outcomes)
        logger.info(
            "claims scored",
            metadata: [
                "risk.model": "\(risk.scorer.model.version)", "risk.threshold": "\(partner.risk.threshold)",
                "risk.held": "\(progress.held)",
            ])
    }
}

extension FileAssessment {
    /// The envelope of the transaction set at `place`.
    func transactionSet(at place: SetPlace) -> TransactionSet {
        interchanges[place.interchange].groups[place.group].group.transactionSets[place.set]
    }

    /// The bytes of the file from the first set of a window to the end of its last.
    func byteRange(of places: [SetPlace]) -> Range<Int> {
        transactionSet(at: places[0]).range.lowerBound..<transactionSet(at: places[places.count - 1]).range.upperBound
    }
}
