/// What kind of practice a billing provider is: its NUCC taxonomy, how its name reads, where it
/// sees patients and which kinds of encounter it bills, so that files look like real practices'
/// mixes rather than uniform noise.
struct SyntheticSpecialty: Sendable {
    var taxonomy: String
    var label: String
    /// Whether solo practitioners (NM102=1) of this specialty bill under their own name.
    var allowsSoloPractice: Bool
    /// CLM05-1 place-of-service codes with weights.
    var placesOfService: [(String, Int)]
    var shapes: [(ClaimShape, Int)]

    static let all: [SyntheticSpecialty] = [
        .init(
            taxonomy: "207Q00000X", label: "FAMILY MEDICINE", allowsSoloPractice: true,
            placesOfService: [("11", 90), ("10", 5), ("02", 5)],
            shapes: [(.problemVisit, 35), (.chronicCare, 30), (.acuteVisit, 20), (.vaccination, 10), (.labOnly, 5)]),
        .init(
            taxonomy: "207R00000X", label: "INTERNAL MEDICINE", allowsSoloPractice: true,
            placesOfService: [("11", 92), ("02", 8)],
            shapes: [(.chronicCare, 45), (.problemVisit, 30), (.acuteVisit, 10), (.vaccination, 5), (.labOnly, 10)]),
        .init(
            taxonomy: "261QU0200X", label: "URGENT CARE", allowsSoloPractice: false,
            placesOfService: [("20", 100)],
            shapes: [(.acuteVisit, 70), (.problemVisit, 20), (.vaccination, 10)]),
        .init(
            taxonomy: "207X00000X", label: "ORTHOPAEDICS", allowsSoloPractice: true,
            placesOfService: [("11", 80), ("22", 20)],
            shapes: [(.jointInjection, 50), (.problemVisit, 30), (.therapySession, 20)]),
        .init(
            taxonomy: "225100000X", label: "PHYSICAL THERAPY", allowsSoloPractice: true,
            placesOfService: [("11", 95), ("12", 5)],
            shapes: [(.therapySession, 100)]),
        .init(
            taxonomy: "193200000X", label: "MULTISPECIALTY", allowsSoloPractice: false,
            placesOfService: [("11", 85), ("22", 10), ("02", 5)],
            shapes: [
                (.problemVisit, 25), (.chronicCare, 25), (.acuteVisit, 15), (.jointInjection, 10),
                (.therapySession, 10), (.vaccination, 5), (.labOnly, 10),
            ]),
    ]
}
