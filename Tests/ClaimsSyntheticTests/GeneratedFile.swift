import ClaimsCore
import X12

/// A generated file read back with the X12 module's own reader, flattened into the facts the
/// tests check (claims with their totals, line charges, pointers and dates).
struct GeneratedFile {
    struct ParsedClaim {
        var id: String
        var total: Amount?
        var diagnosisCount = 0
        var lineCharges: [Amount?] = []
        var pointers: [Int] = []
        var serviceDates: [CalendarDate?] = []
    }

    var interchanges: [Interchange]
    var claims: [ParsedClaim] = []
    var billingNPIs: [String] = []
    var bhtReferences: [String] = []
    var transactionSetCount = 0

    init(_ bytes: [UInt8]) throws {
        interchanges = try InterchangeReader.read(X12Source(bytes: bytes))
        for set in interchanges.flatMap({ $0.groups }).flatMap({ $0.transactionSets }) {
            transactionSetCount += 1
            for segment in set.segments { read(segment) }
        }
    }

    private mutating func read(_ segment: Segment) {
        switch segment.id {
        case "BHT": bhtReferences.append(segment[3].string)
        case "NM1" where segment[1].equals("85"): billingNPIs.append(segment[9].string)
        case "CLM": claims.append(ParsedClaim(id: segment[1].string, total: Amount(x12: segment[2].bytes)))
        case "HI": claims[claims.count - 1].diagnosisCount = segment.elementCount
        case "SV1":
            claims[claims.count - 1].lineCharges.append(Amount(x12: segment[2].bytes))
            claims[claims.count - 1].pointers += segment[7].components.compactMap { Int($0.string) }
        case "DTP" where segment[1].equals("472"):
            claims[claims.count - 1].serviceDates.append(CalendarDate(x12: segment[3].bytes))
        default: break
        }
    }
}
