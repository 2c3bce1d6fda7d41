import ClaimsCore

/// Two 64-bit FNV-1a hashes that find duplicate claims without keeping PHI in clear: `exact`
/// covers provider, member, payer, service dates, procedures, modifiers, units and charges;
/// `near` only provider, member, payer, first service date and procedures.
///
/// The control number (CLM01) is left out on purpose: a resubmitted duplicate carries a new one.
public struct ClaimFingerprint: Sendable, Hashable {
    public var exact: Int64
    public var near: Int64

    public init(exact: Int64, near: Int64) {
        self.exact = exact
        self.near = near
    }

    public init(_ claim: Claim) {
        var first: CalendarDate?
        for line in claim.serviceLines {
            if let date = line.serviceDateFrom, first.map({ date < $0 }) ?? true { first = date }
        }
        var near = FNV1a()
        near.add(claim.billingProvider.npi ?? "")
        near.add(claim.subscriber.memberID ?? "")
        near.add(claim.patient?.firstName ?? "")
        near.add(claim.payer.identifier)
        near.add(first)
        for line in claim.serviceLines { near.add(line.procedureCode) }
        var exact = near
        for line in claim.serviceLines {
            for modifier in line.modifiers { exact.add(modifier) }
            exact.add(line.charge.cents)
            exact.add(Int64(line.units * 1000))
            exact.add(line.serviceDateFrom)
        }
        self.init(exact: exact.signed, near: near.signed)
    }
}

/// FNV-1a, 64 bits: fast, stable across runs and platforms (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { mix(byte) }
        }
        if done == nil { for byte in text.utf8 { mix(byte) } }
        mix(0x1F)
    }

    /// A date as one number (no string built), or a marker for none.
    mutating func add(_ date: CalendarDate?) {
        add(date.map { Int64($0.year * 10_000 + $0.month * 100 + $0.day) } ?? -1)
    }

    mutating func add(_ number: Int64) {
        var bits = UInt64(bitPattern: number)
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
    }

    var signed: Int64 { Int64(bitPattern: value) }
}
