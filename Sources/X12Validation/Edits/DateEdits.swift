import ClaimsCore

/// SNIP 4: the claim's dated events (2300 DTP) against the receipt date, the patient's birth and
/// the dates of service; one edit per date and check, each with the 277CA status code naming it.
enum DateEdits {
    /// One dated event of the claim: its qualifier, name, 277CA status code and how to read it.
    struct Event: Sendable {
        var qualifier: String
        var name: String
        var status: String
        /// Reads the date from the claim: handed the claim's `ClaimDates` instead, each call
        /// copied all of them.
        var date: @Sendable (Claim) -> CalendarDate?
        /// Whether the event must be on or before the first date of service.
        var precedesService: Bool
    }

    static let events: [Event] = [
        Event(qualifier: "431", name: "onset of current illness", status: "397", date: { $0.details.dates.onset }, precedesService: true),
        Event(
            qualifier: "454", name: "initial treatment", status: "701", date: { $0.details.dates.initialTreatment },
            precedesService: true),
        Event(qualifier: "304", name: "last seen", status: "757", date: { $0.details.dates.lastSeen }, precedesService: true),
        Event(qualifier: "439", name: "accident", status: "727", date: { $0.details.dates.accident }, precedesService: true),
        Event(
            qualifier: "484", name: "last menstrual period", status: "191", date: { $0.details.dates.lastMenstrualPeriod },
            precedesService: true),
        Event(qualifier: "435", name: "admission", status: "189", date: { $0.details.dates.admission }, precedesService: true),
        Event(qualifier: "096", name: "discharge", status: "190", date: { $0.details.dates.discharge }, precedesService: false),
        Event(qualifier: "314", name: "disability start", status: "195", date: { $0.details.dates.disabilityFrom }, precedesService: false),
        Event(qualifier: "090", name: "assumed care", status: "388", date: { $0.details.dates.assumedCare }, precedesService: false),
        Event(
            qualifier: "091", name: "relinquished care", status: "389", date: { $0.details.dates.relinquishedCare },
            precedesService: false),
    ]

    /// Every event's edits as one group, each event's date read once: most claims have none of
    /// the events, and a step of the validator's loop for each event cost them more than reading
    /// its date.
    static let rules: [any ClaimRule] = CheckGroup.rules(eventEdits, detailsOnly: true, judge: judge) + relations

    /// Each event's two or three edits, event by event, as `judge` gives their verdicts.
    static let eventEdits: [Edit] = events.enumerated().flatMap { index, event in
        let number = index * 3
        var edits: [Edit] = [
            .business(
                id(number + 1), snip: 4, "2300 DTP*\(event.qualifier)", "\(event.name) date is after the date the claim was received",
                fix: "Correct the \(event.name) date (DTP*\(event.qualifier)); it cannot be in the future.", "A7:\(event.status)"),
            .business(
                id(number + 2), snip: 4, "2300 DTP*\(event.qualifier)", "\(event.name) date is before the patient's date of birth",
                fix: "Correct the \(event.name) date (DTP*\(event.qualifier)) or the patient's birth date (DMG02).",
                "A8:\(event.status)"),
        ]
        if event.precedesService {
            edits.append(
                .business(
                    id(number + 3), snip: 4, "2300 DTP*\(event.qualifier)", "\(event.name) date is after the first date of service",
                    fix: "The \(event.name) date (DTP*\(event.qualifier)) must be on or before the first service date; correct it.",
                    "A8:\(event.status)"))
        }
        return edits
    }

    /// For each event in turn: after receipt, before birth, and (for those that precede the
    /// services) after the first date of service.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let birth = claim.patientBirthDate, first = claim.serviceDates.first
        var fired = Judgement()
        events.withUnsafeBufferPointer { events in
            for event in events.indices {
                let date = events[event].date(claim)
                fired.next(date.map { $0 > context.receivedDate } ?? false)
                fired.next(date.flatMap { date in birth.map { date < $0 } } ?? false)
                if events[event].precedesService { fired.next(date.flatMap { date in first.map { date > $0 } } ?? false) }
            }
        }
        return fired.bits
    }

    /// Pairs of dates that must be in order.
    static let relations: [any ClaimRule] = [
        Check(
            .business(
                "DTE-031", snip: 4, "2300 DTP*096", "discharge date is before the admission date",
                fix: "Correct the admission (DTP*435) or discharge (DTP*096) date.", "A8:190")
        ) { claim, _ in
            let dates = claim.details.dates
            guard let admission = dates.admission, let discharge = dates.discharge else { return .none }
            return fires(discharge < admission)
        },
        Check(
            .business(
                "DTE-032", snip: 4, "2300 DTP*314/360/361", "disability period ends before it starts",
                fix: "Correct the disability date range (RD8 from-to).", "A8:195")
        ) { claim, _ in
            let dates = claim.details.dates
            guard let from = dates.disabilityFrom, let to = dates.disabilityTo else { return .none }
            return fires(to < from)
        },
        Check(
            .business(
                "DTE-033", snip: 4, "2300 DTP*091", "care was relinquished (DTP*091) before it was assumed (DTP*090)",
                fix: "Correct the assumed or relinquished care date.", "A8:389")
        ) { claim, _ in
            let dates = claim.details.dates
            guard let assumed = dates.assumedCare, let relinquished = dates.relinquishedCare else { return .none }
            return fires(relinquished < assumed)
        },
        Check(
            .business(
                "DTE-034", snip: 4, "2300 DTP*431", "onset date equals a date of service",
                fix: "Leave out DTP*431 when the illness started on the day of service (the guide says not to send it).",
                "A8:397", warn: true)
        ) { claim, _ in
            guard let onset = claim.details.dates.onset else { return .none }
            return fires(claim.anyLine { $0.serviceDateFrom == onset })
        },
        Check(
            .business(
                "DTE-035", snip: 4, "2400 DTP*472", "an inpatient service date falls outside the admission and discharge dates",
                fix: "Bill only services between admission (DTP*435) and discharge (DTP*096), or correct those dates.",
                "A8:189")
        ) { claim, _ in
            guard let admission = claim.details.dates.admission else { return .none }
            let discharge = claim.details.dates.discharge
            return linesWhere(claim) { line in
                guard let from = line.serviceDateFrom else { return false }
                return from < admission || discharge.map { (line.serviceDateTo ?? from) > $0 } ?? false
            }
        },
    ]

    static func id(_ number: Int) -> String { "DTE-" + (number < 10 ? "00" : "0") + String(number) }
}
