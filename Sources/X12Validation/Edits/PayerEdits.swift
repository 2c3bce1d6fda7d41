import ClaimsCore

/// SNIP 7 rules nearly every payer's companion guide states, on by default (a partner may switch
/// any off in `partners.yaml`).
enum PayerEdits {
    /// The claim-level edits as one group, then the line charges.
    static let rules: [any ClaimRule] = CheckGroup.rules(claimEdits, judge: judge) + [zeroLineCharge]

    /// In the order `judge` gives their verdicts.
    static let claimEdits: [Edit] = [
        .business(
            "CLM-005", snip: 7, "2300 CLM02", "a chargeable claim (BHT06 = CH) has a total charge of zero",
            fix: "Bill the charges for the services; zero-charge reporting goes in an encounter (BHT06 = RP).", "A7:402"),
        .business(
            "SUB-005", snip: 7, "2010BA NM109",
            "Medicare claim (SBR09 = MA or MB) whose member id is not a Medicare Beneficiary Identifier (MBI)",
            fix: "Send the patient's 11-character MBI from the Medicare card (no dashes).", "A7:164:IL"),
        .business(
            "SUB-019", snip: 7, "2010BA NM109", "subscriber member id contains spaces or punctuation",
            fix: "Send the member id exactly as on the card, letters and digits only.", "A7:164:IL"),
        .business(
            "CLM-001", snip: 7, "2300 CLM01", "patient control number (CLM01) is longer than 20 characters",
            fix: "Keep CLM01 to 20 characters: many payers truncate it and the 277CA/835 then no longer match.",
            "A7:512", warn: true),
    ]

    /// The members of `claimEdits` that fire on `claim`, each verdict named by its edit.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        var fired = Judgement()
        // CLM-005
        fired.next(context.header.claimOrEncounter == "CH" && claim.totalCharge == .zero)
        // SUB-005
        fired.next(claim.isMedicare && !isMBI(claim.subscriber.memberID ?? ""))
        // SUB-019
        fired.next(claim.subscriber.memberID.map { !isAlphanumeric($0) } ?? false)
        // CLM-001
        fired.next(claim.patientControlNumber.utf8.count > 20)
        return fired.bits
    }

    static let zeroLineCharge = Check(
        .business(
            "SVC-007", snip: 7, "2400 SV102", "a service line on a chargeable claim has a charge of zero",
            fix: "Bill each line's charge; leave out services that are not billed.", "A7:583")
    ) { claim, context in
        guard context.header.claimOrEncounter == "CH" else { return .none }
        return linesWhere(claim) { $0.charge == .zero && !$0.amountDefects.contains(.lineCharge) }
    }

    /// SUB-019: letters and digits only.
    static func isAlphanumeric(_ id: String) -> Bool {
        id.withBytes { $0.allSatisfy { ValueSyntax.isDigit($0) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) } }
    }

    /// Medicare Beneficiary Identifier: 11 characters, positions 1 digit 1–9, 2/5/8/9 letters
    /// (no S, L, O, I, B, Z), 3/6 letter or digit, 4/7/10/11 digits (CMS MBI format).
    static func isMBI(_ id: String) -> Bool {
        id.withBytes { bytes in
            guard bytes.count == 11 else { return false }
            for (index, byte) in bytes.enumerated() {
                let digit = byte >= 0x30 && byte <= 0x39
                let letter = byte >= 0x41 && byte <= 0x5A && excludedMBILetters >> (byte - 0x41) & 1 == 0
                let ok: Bool
                switch index {
                case 0: ok = digit && byte != 0x30
                case 1, 4, 7, 8: ok = letter
                case 2, 5: ok = letter || digit
                default: ok = digit
                }
                if !ok { return false }
            }
            return true
        }
    }

    /// B, I, L, O, S and Z as bits counted from A (a set's look-up hashed each byte of every
    /// Medicare id).
    static var excludedMBILetters: UInt32 { 1 << 1 | 1 << 8 | 1 << 11 | 1 << 14 | 1 << 18 | 1 << 25 }
}
