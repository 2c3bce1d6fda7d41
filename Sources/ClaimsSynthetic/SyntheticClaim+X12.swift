import X12

/// Writing one claim as the 837P loops below its billing provider: 2000B (2010BA, 2010BB),
/// 2000C (2010CA) when the patient is a dependent, then 2300 and its 2400 lines.
extension SyntheticClaim {
    /// Appends the claim's segments; `hierarchy` is the last HL01 used in the set and advances.
    func write(into writer: inout X12Writer, billingProviderHL: Int, hierarchy: inout Int) {
        hierarchy += 1
        let subscriberHL = hierarchy
        writer.segment("HL", String(subscriberHL), String(billingProviderHL), "22", patient == nil ? "0" : "1")
        writer.segment(
            "SBR", ["P", patient == nil ? "18" : "", groupNumber ?? "", "", "", "", "", "", payer.filingIndicator])
        write(person: subscriber, entity: "IL", memberID: memberID, into: &writer)
        writer.segment("NM1", "PR", "2", payer.name, "", "", "", "", "PI", payer.payerID)

        if let patient, let patientRelationship {
            hierarchy += 1
            writer.segment("HL", String(hierarchy), String(subscriberHL), "23", "0")
            writer.segment("PAT", patientRelationship)
            write(person: patient, entity: "QC", memberID: nil, into: &writer)
        }

        writer.segment(
            "CLM", patientControlNumber, totalCharge.description, "", "",
            writer.composite(placeOfService, "B", frequencyCode), "Y", "A", "Y", "Y")
        if let originalReference { writer.segment("REF", "F8", originalReference) }
        writer.segment(
            "HI",
            diagnoses.enumerated().map { position, code in writer.composite(position == 0 ? "ABK" : "ABF", code) })
        for (number, line) in serviceLines.enumerated() {
            writer.segment("LX", String(number + 1))
            writer.segment(
                "SV1",
                [
                    writer.composite(["HC", line.procedureCode] + line.modifiers), line.charge.description, "UN",
                    String(line.units), "", "", writer.composite(line.diagnosisPointers.map(String.init)),
                ])
            writer.segment("DTP", "472", "D8", line.serviceDate.x12)
        }
    }

    /// NM1 (person), N3, N4 and — for the patient, whoever that is — DMG.
    private func write(person: SyntheticPerson, entity: String, memberID: String?, into writer: inout X12Writer) {
        writer.segment(
            "NM1",
            [
                entity, "1", person.lastName, person.firstName, person.middleInitial ?? "", "", "",
                memberID == nil ? "" : "MI", memberID ?? "",
            ])
        writer.segment("N3", [person.address.street, person.address.street2 ?? ""])
        writer.segment("N4", person.address.city, person.address.state, person.address.postalCode)
        // DMG belongs to the patient: in 2010BA only when the subscriber is the patient.
        if entity == "QC" || patient == nil {
            writer.segment("DMG", "D8", person.birthDate.x12, person.gender)
        }
    }
}
