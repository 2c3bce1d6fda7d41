import ClaimsCore
import X12Validation

extension EditCases {
    typealias DateSetter = @Sendable (inout ClaimDates, CalendarDate?) -> Void

    /// The claim dates in `DateEdits` order, with whether each must precede the service.
    static let dateSetters: [(DateSetter, Bool)] = [
        ({ $0.onset = $1 }, true), ({ $0.initialTreatment = $1 }, true), ({ $0.lastSeen = $1 }, true),
        ({ $0.accident = $1 }, true), ({ $0.lastMenstrualPeriod = $1 }, true), ({ $0.admission = $1 }, true),
        ({ $0.discharge = $1; $0.admission = $0.admission ?? GoodClaim.serviceDate }, false), ({ $0.disabilityFrom = $1 }, false), ({ $0.assumedCare = $1 }, false),
        ({ $0.relinquishedCare = $1 }, false),
    ]

    static func dateID(_ number: Int) -> String { "DTE-" + (number < 10 ? "00" : "0") + String(number) }

    static let dates: [String: EditCase] = {
        var cases: [String: EditCase] = [:]
        let future = CalendarDate(year: 2025, month: 12, day: 1)
        let beforeBirth = CalendarDate(year: 1950, month: 1, day: 1)
        let afterService = CalendarDate(year: 2025, month: 11, day: 15)
        for (index, (set, precedes)) in dateSetters.enumerated() {
            let setup: @Sendable (inout Claim) -> Void = { set(&$0.details.dates, GoodClaim.serviceDate) }
            cases[dateID(index * 3 + 1)] = .claim(setup: setup) { set(&$0.details.dates, future) }
            cases[dateID(index * 3 + 2)] = .claim(setup: setup) { set(&$0.details.dates, beforeBirth) }
            if precedes { cases[dateID(index * 3 + 3)] = .claim(setup: setup) { set(&$0.details.dates, afterService) } }
        }
        let day: @Sendable (Int) -> CalendarDate? = { CalendarDate(year: 2025, month: 11, day: $0) }
        cases["DTE-031"] = .claim(setup: { $0.details.dates.admission = day(9); $0.details.dates.discharge = day(12) }) {
            $0.details.dates.discharge = day(8)
        }
        cases["DTE-032"] = .claim(setup: { $0.details.dates.disabilityFrom = day(1); $0.details.dates.disabilityTo = day(30) }) {
            $0.details.dates.disabilityTo = CalendarDate(year: 2025, month: 10, day: 1)
        }
        cases["DTE-033"] = .claim(setup: { $0.details.dates.assumedCare = day(1); $0.details.dates.relinquishedCare = day(10) }) {
            $0.details.dates.relinquishedCare = CalendarDate(year: 2025, month: 10, day: 1)
        }
        cases["DTE-034"] = .claim(setup: { $0.details.dates.onset = day(1) }) { $0.details.dates.onset = GoodClaim.serviceDate }
        cases["DTE-035"] = .claim(setup: { $0.details.dates.admission = day(9); $0.details.dates.discharge = day(12) }) {
            $0.details.dates.admission = day(11)
        }
        return cases
    }()
}
