import ClaimsCore

/// SNIP 5 (and the guide's SNIP 4 ZIP+4 and street rules) on every address a claim carries:
/// state or province in the USPS/Canada Post list, ZIP shape, ZIP prefix served in that state.
enum AddressEdits {
    /// One kind of address: its loop, who it belongs to and the 277CA entity code.
    struct Holder: Sendable {
        var number: Int
        var loop: String
        var name: String
        /// `category:status[:entity]` suffix after the status code: entity code, or nil for
        /// ambulance locations (their status code 266 names the place itself).
        var entity: String?
        /// The guide's street rules for this address, where it has them (billing provider and
        /// service facilities: a full ZIP+4; the claim's two: no post office box either), judged
        /// with its other edits on the same look-up.
        var zipPlusFour: Edit? = nil
        var postOfficeBox: Edit? = nil
        /// Whether the address is a line's (2420), judged with each line.
        var onLines = false
        /// Payers route on their id, not their address: its edits only warn.
        var warnOnly: Bool { entity == "PR" }
    }

    /// The bits of `judge`, in the order of a holder's edits: which of an address's edits fire.
    enum Slot: Int {
        case state, zipShape, zipPrefix, zipPlusFour, postOfficeBox
    }

    static let holders: [Holder] = [
        Holder(
            number: 1, loop: "2010AA", name: "billing provider", entity: "85",
            zipPlusFour: .business(
                "BP-015", snip: 4, "2010AA N403", "billing provider ZIP code is not the full 9-digit ZIP+4",
                fix: "The guide requires the 9-digit ZIP code for the billing provider: add the 4-digit extension.",
                "A7:500:85"),
            postOfficeBox: .business(
                "BP-012", snip: 4, "2010AA N301", "billing provider address is a post office box or lock box",
                fix: "Send the physical street address in 2010AA; put a PO box in the pay-to address (2010AB).",
                "A7:503:85")),
        Holder(number: 4, loop: "2010AB", name: "pay-to", entity: "87"),
        Holder(number: 7, loop: "2010BA", name: "subscriber", entity: "IL"),
        Holder(number: 10, loop: "2010CA", name: "patient", entity: "QC"),
        Holder(number: 13, loop: "2010BB", name: "payer", entity: "PR"),
        Holder(
            number: 16, loop: "2310C", name: "service facility", entity: "77",
            zipPlusFour: .business(
                "PRV-013", snip: 4, "2310C N403", "service facility ZIP code is not the full 9-digit ZIP+4",
                fix: "The guide requires the 9-digit ZIP code for the service facility: add the 4-digit extension.",
                "A7:500:77"),
            postOfficeBox: .business(
                "PRV-019", snip: 4, "2310C N301", "service facility address is a post office box",
                fix: "Send the street address where the services were rendered.", "A7:503:77")),
        Holder(number: 25, loop: "2310E", name: "ambulance pick-up", entity: nil),
        Holder(number: 28, loop: "2310F", name: "ambulance drop-off", entity: nil),
        Holder(
            number: 19, loop: "2420C", name: "line service facility", entity: "77",
            zipPlusFour: .business(
                "SVC-069", snip: 4, "2420C N403", "line service facility ZIP code is not the full 9-digit ZIP+4",
                fix: "The guide requires the 9-digit ZIP code for the service facility: add the 4-digit extension.",
                "A7:500:77"),
            onLines: true),
        Holder(number: 22, loop: "2420E", name: "ordering provider", entity: "DK", onLines: true),
    ]

    /// The claim's addresses as one group and a line's as another, each holder's edits in `Slot`
    /// order one after the other: a step of the validator's loop for each of ten holders (most
    /// of whose addresses a claim does not have) cost more than judging the addresses.
    static let rules: [any ClaimRule] =
        CheckGroup.rules(holders.filter { !$0.onLines }.flatMap(edits(of:)), judge: judge)
        + CheckGroup.lineRules(holders.filter(\.onLines).flatMap(edits(of:)), detailsOnly: true, judge: judge)

    /// The claim's addresses, holder by holder in `holders`' order, each its edits' verdicts
    /// (`Slot` bits, as many as it has edits). Each address is read in place through the claim:
    /// through a shared accessor it was copied, five strings, for each of its edits.
    @Sendable static func judge(_ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let sets = context.codeSets
        var fired = Judgement()
        fired.next(
            context.billingProviderVerdicts(.address, of: claim) {
                judge(claim.billingProvider.address, sets, postOfficeBox: true)
            }, 5)  // 2010AA
        fired.next(judge(claim.providers.payToAddress, sets), 3)  // 2010AB
        fired.next(judge(claim.subscriber.address, sets), 3)  // 2010BA
        fired.next(judge(claim.patient?.address, sets), 3)  // 2010CA
        fired.next(judge(claim.payer.address, sets), 3)  // 2010BB
        fired.next(judge(claim.providers.serviceFacility?.address, sets, postOfficeBox: true), 5)  // 2310C
        fired.next(judge(claim.providers.ambulancePickUp, sets), 3)  // 2310E
        fired.next(judge(claim.providers.ambulanceDropOff, sets), 3)  // 2310F
        return fired.bits
    }

    /// A line's addresses, as `judge(_:_:)` judges the claim's.
    @Sendable static func judge(_ line: LentLine, _ claim: Claim, _ context: ClaimContext) -> UInt64 {
        let sets = context.codeSets
        var fired = Judgement()
        fired.next(judge(line.details.serviceFacility?.address, sets), 4)  // 2420C
        fired.next(judge(line.details.ordering?.address, sets), 3)  // 2420E
        return fired.bits
    }

    /// The holder's edits, in `Slot` order.
    static func edits(of holder: Holder) -> [Edit] {
        func status(_ code: String, _ category: String) -> String {
            guard let entity = holder.entity else { return "\(category):266" }
            return "\(category):\(code):\(entity)"
        }
        precondition(holder.postOfficeBox == nil || holder.zipPlusFour != nil, "slots follow Slot's order")
        return [
            Edit.business(
                id(holder.number), snip: 5, "\(holder.loop) N402", "\(holder.name) state or province code is not a USPS or Canada Post code",
                fix: "Use the two-letter postal abbreviation (e.g. NY, PR, ON).", status("501", "A7"), warn: holder.warnOnly),
            Edit.business(
                id(holder.number + 1), snip: 5, "\(holder.loop) N403", "\(holder.name) ZIP code is not 5 or 9 digits",
                fix: "Send a US ZIP code as 5 or 9 digits without the hyphen (e.g. 100011234).", status("500", "A7"),
                warn: holder.warnOnly),
            Edit.business(
                id(holder.number + 2), snip: 5, "\(holder.loop) N403", "\(holder.name) ZIP code does not belong to the state given",
                fix: "Check the ZIP code and the state (N402) of the address: the ZIP's first three digits are not served there.",
                status("500", "A8"), warn: holder.warnOnly),
        ] + [holder.zipPlusFour, holder.postOfficeBox].compactMap { $0 }
    }

    /// Which of an address's edits fire (`Slot` bits), its state looked up once for all of them;
    /// none without an address. The post office box scan only when asked for.
    @inline(__always) static func judge(_ address: Address?, _ sets: CodeSets, postOfficeBox: Bool = false) -> UInt64 {
        switch address {
        case .some(let address): judge(address, sets, postOfficeBox: postOfficeBox)
        case .none: 0
        }
    }

    static func judge(_ address: Address, _ sets: CodeSets, postOfficeBox: Bool) -> UInt64 {
        var fired = postOfficeBox ? bit(Slot.postOfficeBox.rawValue, isPostOfficeBox(address)) : 0
        guard let state = address.state else { return fired }
        let standing = sets.states.lookup(state)
        if case .valid = standing {} else { fired |= bit(Slot.state.rawValue, !sets.states.isEmpty) }
        guard isUS(standing, sets) else { return fired }
        let zip = address.postalCode
        let count = zip?.utf8.count ?? 9
        fired |= bit(Slot.zipPlusFour.rawValue, count != 9)
        guard let zip else { return fired }
        fired |= bit(Slot.zipShape.rawValue, !(count == 5 || count == 9) || !zip.isAllDigits)
        fired |= bit(Slot.zipPrefix.rawValue, sets.zipPrefixes.zip(zip, isIn: state) == false)
        return fired
    }

    /// Whether the address is in the US (a state that is not a Canadian province); without a
    /// state list, any state counts as US.
    static func isUS(_ address: Address, _ sets: CodeSets) -> Bool {
        guard let state = address.state else { return false }
        return isUS(sets.states.lookup(state), sets)
    }

    /// Whether a state's standing in the state list makes the address a US one.
    @inline(__always) static func isUS(_ standing: CodeSet.Lookup, _ sets: CodeSets) -> Bool {
        if case .valid(let flags) = standing { return !flags.contains(.canadian) }
        return sets.states.isEmpty
    }

    static func isPostOfficeBox(_ address: Address) -> Bool {
        isPostOfficeBox(address.line1) || (address.line2.map(isPostOfficeBox) ?? false)
    }

    /// `PO BOX`, `P.O. BOX`, `POST OFFICE BOX`, `LOCK BOX`, `LOCKBOX`, `PMB`, any case.
    static func isPostOfficeBox(_ line: String) -> Bool {
        line.withBytes { bytes in
            // Most lines start with a house number and a letter no prefix starts with: one scan
            // to that letter instead of one per prefix.
            guard let first = bytes.first(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
                boxPrefixes.contains(where: { $0[0] == first & ~0x20 })
            else { return false }
            return boxPrefixes.contains { prefix in
                var matched = 0
                for byte in bytes {
                    let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                    guard upper >= 0x41 && upper <= 0x5A else { continue }
                    guard upper == prefix[matched] else { return false }
                    matched += 1
                    if matched == prefix.count { return true }
                }
                return false
            }
        }
    }

    static let boxPrefixes: [[UInt8]] = ["POBOX", "POSTOFFICEBOX", "LOCKBOX", "PMB"].map { Array($0.utf8) }

    static func id(_ number: Int) -> String { "ADR-" + (number < 10 ? "00" : "0") + String(number) }
}
