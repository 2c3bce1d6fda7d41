/// A real US city with its state and one of its real five-digit ZIP codes, so that generated
/// addresses pass ZIP-to-state checks; the street part of an address is invented.
struct SyntheticPlace: Sendable, Hashable {
    var city: String
    var state: String
    var zip: String

    static let all: [SyntheticPlace] = [
        .init(city: "SPRINGFIELD", state: "IL", zip: "62701"), .init(city: "COLUMBUS", state: "OH", zip: "43215"),
        .init(city: "AUSTIN", state: "TX", zip: "78701"), .init(city: "DENVER", state: "CO", zip: "80202"),
        .init(city: "PORTLAND", state: "OR", zip: "97201"), .init(city: "MADISON", state: "WI", zip: "53703"),
        .init(city: "RALEIGH", state: "NC", zip: "27601"), .init(city: "BOISE", state: "ID", zip: "83702"),
        .init(city: "ALBANY", state: "NY", zip: "12207"), .init(city: "TAMPA", state: "FL", zip: "33602"),
        .init(city: "PHOENIX", state: "AZ", zip: "85004"), .init(city: "NASHVILLE", state: "TN", zip: "37203"),
        .init(city: "OMAHA", state: "NE", zip: "68102"), .init(city: "RICHMOND", state: "VA", zip: "23219"),
        .init(city: "SACRAMENTO", state: "CA", zip: "95814"), .init(city: "SALT LAKE CITY", state: "UT", zip: "84101"),
        .init(city: "DES MOINES", state: "IA", zip: "50309"), .init(city: "HARTFORD", state: "CT", zip: "06103"),
        .init(city: "LANSING", state: "MI", zip: "48933"), .init(city: "LITTLE ROCK", state: "AR", zip: "72201"),
        .init(city: "HARRISBURG", state: "PA", zip: "17101"), .init(city: "MONTGOMERY", state: "AL", zip: "36104"),
        .init(city: "AUGUSTA", state: "ME", zip: "04330"), .init(city: "TOPEKA", state: "KS", zip: "66603"),
    ]
}
