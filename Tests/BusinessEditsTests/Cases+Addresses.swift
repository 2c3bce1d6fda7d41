import ClaimsCore
import X12Validation

extension EditCases {
    typealias AddressSetter = @Sendable (inout Claim, Address) -> Void

    /// The address holders in `AddressEdits` order: first id number and how to set the address.
    static let addressSetters: [(Int, AddressSetter)] = [
        (1, { $0.billingProvider.address = $1 }), (4, { $0.providers.payToAddress = $1 }),
        (7, { $0.subscriber.address = $1 }),
        (10, { claim, address in dependent(&claim); claim.patient?.address = address }),
        (13, { $0.payer.address = $1 }), (16, { $0.providers.serviceFacility?.address = $1 }),
        (19, { claim, address in claim.serviceLines[0].details.serviceFacility = GoodClaim.party("77", "183456789", type: "2")
            claim.serviceLines[0].details.serviceFacility?.address = address }),
        (22, { claim, address in claim.serviceLines[0].details.ordering = GoodClaim.party("DK", "193456789")
            claim.serviceLines[0].details.ordering?.address = address }),
        (25, { $0.providers.ambulancePickUp = $1 }), (28, { $0.providers.ambulanceDropOff = $1 }),
    ]

    static func addressID(_ number: Int) -> String { "ADR-" + (number < 10 ? "00" : "0") + String(number) }

    static let addresses: [String: EditCase] = {
        var cases: [String: EditCase] = [:]
        let good = GoodClaim.address("9 BROAD ST", state: "NY", zip: "100041234")
        for (number, set) in addressSetters {
            cases[addressID(number)] = .claim(setup: { set(&$0, good) }) { set(&$0, GoodClaim.address(state: "XX")) }
            cases[addressID(number + 1)] = .claim(setup: { set(&$0, good) }) { set(&$0, GoodClaim.address(zip: "1000")) }
            cases[addressID(number + 2)] = .claim(setup: { set(&$0, good) }) { set(&$0, GoodClaim.address(state: "CA")) }
        }
        cases["BP-012"] = .claim { $0.billingProvider.address?.line1 = "P.O. Box 123" }
        cases["PRV-019"] = .claim { $0.providers.serviceFacility?.address?.line1 = "PO BOX 9" }
        cases["BP-015"] = .claim { $0.billingProvider.address?.postalCode = "10001" }
        cases["PRV-013"] = .claim { $0.providers.serviceFacility?.address?.postalCode = "10016" }
        cases["SVC-069"] = .claim(setup: { $0.serviceLines[0].details.serviceFacility = GoodClaim.party("77", "183456789", type: "2") }) {
            $0.serviceLines[0].details.serviceFacility?.address?.postalCode = "10016"
        }
        return cases
    }()
}
