import X12

/// Building blocks shared by the loop tables of `X222A1`.
extension X222A1 {
    static func seg(
        _ id: SegmentID, _ name: String, _ usage: Usage, max: Int = 1, q values: String..., e elements: [String]
    ) -> SegmentSchema {
        SegmentSchema(
            id, name, usage, maxUse: max, qualifier: values.isEmpty ? nil : Qualifier(values: values), elements: elements)
    }

    static func seg(
        _ id: SegmentID, _ name: String, _ usage: Usage, max: Int = 1, qualifier: Qualifier, e elements: [String]
    ) -> SegmentSchema {
        SegmentSchema(id, name, usage, maxUse: max, qualifier: qualifier, elements: elements)
    }

    /// A date segment with one of `qualifiers` in DTP01 and a single date (`D8`) unless told.
    static func dtp(_ name: String, _ qualifiers: String..., max: Int = 1, formats: String = "D8", usage: Usage = .situational)
        -> SegmentSchema
    {
        SegmentSchema(
            "DTP", name, usage, maxUse: max, qualifier: Qualifier(values: qualifiers),
            elements: ["R \(qualifiers.joined(separator: " "))", "R \(formats)", "R"])
    }

    /// A reference segment whose REF01 is `qualifier`.
    static func ref(_ name: String, _ qualifier: String, max: Int = 1, usage: Usage = .situational) -> SegmentSchema {
        SegmentSchema("REF", name, usage, maxUse: max, qualifier: Qualifier(values: [qualifier]), elements: ["R \(qualifier)", "R"])
    }

    /// NM1 notation: entity code, entity types, whether the name is sent (organisation or last
    /// name), whether a person's first/middle name and suffix may be sent, and the id qualifier.
    static func nm1(_ entity: String, _ types: String, name: String = "R", person: Bool = false, id: String? = nil)
        -> [String]
    {
        let personal = person ? "S" : "N"
        let idUsage = id.map { String($0.prefix(1)) } ?? "N"
        return [
            "R \(entity)", "R \(types)", name, personal, personal, "N", personal, id ?? "N", idUsage,
        ]
    }

    static let n3 = ["R", "S"]
    /// City, state, ZIP, country, country subdivision; N405/N406 are not used.
    static let n4 = ["R", "S", "S", "S", "N", "N", "S"]

    /// PER notation: contact function, first number qualifiers, further number qualifiers.
    static func per(_ function: String, _ first: String, _ others: String) -> [String] {
        ["R \(function)", "S", "R \(first)", "R", "S \(others)", "S", "S \(others)", "S"]
    }

    /// Contact with a telephone number and optional extension only (property and casualty,
    /// service facility).
    static let telephoneContact = ["R IC", "S", "R TE", "R", "S EX", "S"]

    static func location(_ id: String, _ name: String, _ entity: String, nameUsage: String = "N") -> LoopSchema {
        LoopSchema(
            id, name, .situational,
            segments: [
                seg("NM1", name, .required, q: entity, e: nm1(entity, "2", name: nameUsage)),
                seg("N3", "\(name) Address", .required, e: n3),
                seg("N4", "\(name) City, State, ZIP Code", .required, e: n4),
            ])
    }

    static func otherPayerProvider(
        _ id: String, _ name: String, maxRepeat: Int = 1, types: String, references: String, maxReferences: Int = 3,
        _ entities: String...
    ) -> LoopSchema {
        LoopSchema(
            id, name, .situational, maxRepeat: maxRepeat,
            segments: [
                SegmentSchema(
                    "NM1", name, .required, qualifier: Qualifier(values: entities),
                    elements: nm1(entities.joined(separator: " "), types, name: "N")),
                seg("REF", "\(name) Secondary Identification", .required, max: maxReferences, e: ["R \(references)", "R"]),
            ])
    }
}
