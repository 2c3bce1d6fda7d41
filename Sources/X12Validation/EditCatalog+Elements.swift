/// Edits for specific element positions whose guide code list or requirement matters enough to
/// name (the schema tags these positions with the edit id).
extension EditCatalog {
    static func code(_ id: String, _ location: String, _ description: String, fix: String, ik403: String = "7") -> Edit {
        edit(id, 2, location, .element(ik403: ik403), description, fix: fix)
    }

    static let elementEdits: [Edit] = [
        code("HDR-001", "BHT01", "BHT01 hierarchical structure code is not 0019", fix: "Set BHT01 to 0019."),
        code("HDR-002", "BHT02", "BHT02 purpose is not 00 (original) or 18 (reissue)", fix: "Set BHT02 to 00 for new claims, 18 to reissue a batch."),
        code("HDR-003", "BHT03", "BHT03 batch reference (echoed in the 277CA) is missing", fix: "Send your batch id in BHT03.", ik403: "1"),
        code(
            "HDR-005", "BHT06", "BHT06 is not 31 (subrogation demand), CH (chargeable) or RP (encounter)",
            fix: "Set BHT06 to CH for claims, RP for encounters, or 31 for a subrogation demand (with its pay-to plan, 2010AC)."),
        code("HDR-007", "1000A NM1", "the submitter name has an invalid entity type (NM102) or id qualifier (NM108 must be 46)", fix: "Send NM1*41 with NM102 1 or 2 and NM108 = 46 followed by your submitter id."),
        code("HDR-009", "1000A PER", "the submitter contact has an invalid function code (PER01 = IC) or number qualifier", fix: "Send PER*IC with TE, EM, FX or ED before each number."),
        code("HDR-011", "1000B NM1", "the receiver name has an invalid entity type (NM102 = 2) or id qualifier (NM108 = 46)", fix: "Send NM1*40*2 with NM108 = 46 and the receiver's id."),
        code("BP-001", "2000A PRV", "the billing provider specialty is not PRV*BI*PXC", fix: "Send PRV*BI*PXC followed by the taxonomy code."),
        code("BP-005", "2010AA NM102", "the billing provider entity type (NM102) is not 1 (person) or 2 (organisation)", fix: "Set NM102 to 1 for an individual, 2 for an organisation."),
        code("BP-021", "2010AA PER", "the billing provider contact has an invalid function code or number qualifier", fix: "Send PER*IC with TE, EM or FX before each number."),
        code("SBR-001", "2000B SBR01", "the payer responsibility sequence (SBR01) is not a code the guide allows", fix: "Set SBR01 to P, S, T or A–H, U for the destination payer's place in line."),
        code("SBR-003", "2000B SBR02", "SBR02 is present but not 18", fix: "Send SBR02 = 18 only when the patient is the subscriber; otherwise leave it empty."),
        code("SBR-006", "2000B SBR09", "the claim filing indicator (SBR09) is not a code the guide allows", fix: "Use the filing indicator of the destination payer's plan (e.g. CI, MB, MC)."),
        code("SBR-008", "2000B PAT", "the subscriber-level PAT carries elements other than the death date and pregnancy indicator", fix: "At 2000B send only PAT05–PAT09 (PAT05 = D8, PAT07 = 01, PAT09 = Y).", ik403: "I10"),
        code("SUB-001", "2010BA NM102", "the subscriber entity type (NM102) is not 1 or 2", fix: "Set NM102 to 1 for a person (2 only for a non-person subscriber)."),
        code("SUB-004", "2010BA NM108", "the subscriber id qualifier (NM108) is not MI or II", fix: "Send NM108 = MI followed by the member id."),
        code("SUB-013", "2010BA DMG03", "the subscriber gender (DMG03) is not F, M or U", fix: "Send F, M or U in DMG03."),
        code("SUB-014", "REF*SY", "the social security number (REF*SY) is not 9 digits", fix: "Send the SSN as 9 digits without dashes.", ik403: "I12"),
        code("PAY-001", "2010BB NM1", "the payer name has an invalid entity type (NM102 = 2) or id qualifier (PI or XV)", fix: "Send NM1*PR*2 with NM108 = PI (payer id) and the payer's id."),
        code("PAT-001", "2000C PAT01", "the patient's relationship to the subscriber (PAT01) is not a code the guide allows (18, self, is never valid here)", fix: "Use 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner or G8 other."),
        code("PAT-002", "2010CA NM1", "the patient name has an entity type other than 1 or carries an id (NM108/NM109 are not used)", fix: "Send NM1*QC*1 with the patient's name only; the member id goes in 2010BA."),
        code("PAT-004", "2010CA DMG", "the patient demographics have an invalid format qualifier (D8) or gender (F, M, U)", fix: "Send DMG*D8*CCYYMMDD*F|M|U."),
        code("CLM-006", "CLM03/CLM04", "CLM03 or CLM04 is present (Not Used in the professional claim)", fix: "Leave CLM03 and CLM04 empty.", ik403: "I10"),
        code("CLM-007", "CLM05-2", "the facility code qualifier (CLM05-2) is not B", fix: "Send CLM05 as place of service:B:frequency code."),
        code("CLM-014", "CLM06", "the provider signature indicator (CLM06) is not Y or N", fix: "Send Y or N in CLM06."),
        code("CLM-015", "CLM07", "the assignment/plan participation code (CLM07) is not A, B or C", fix: "Send A, B or C in CLM07."),
        code("CLM-016", "CLM08", "the benefits assignment indicator (CLM08) is not Y, N or W", fix: "Send Y, N or W in CLM08."),
        code("CLM-017", "CLM09", "the release of information code (CLM09) is not I or Y", fix: "Send I or Y in CLM09."),
        code("CLM-018", "CLM10", "the patient signature source (CLM10) is not P", fix: "Send P in CLM10 or leave it empty."),
        code("CLM-021", "CLM12", "the special program code (CLM12) is not 02, 03, 05 or 09", fix: "Send 02, 03, 05 or 09 in CLM12, or leave it empty."),
        code("CLM-031", "CN101", "the contract type (CN101) is not 01–06 or 09", fix: "Send a contract type code the guide lists."),
        code("CLM-045", "HI01-1…HI12-1", "the diagnosis code qualifier does not fit the HI segment (ABK/BK principal, ABF/BF other; BP/BO anesthesia; BG condition)", fix: "Use ABK for the principal ICD-10-CM code and ABF for the others."),
        code("CLM-057", "2300 HCP01", "the pricing methodology (HCP01) is not a code the guide lists", fix: "Leave HCP to repricers, with a listed methodology code."),
        code("PRV-001", "2310A NM102", "the referring provider is not a person (NM102 = 1)", fix: "Send NM102 = 1 for the referring provider."),
        code("PRV-005", "2310B NM102", "the rendering provider entity type (NM102) is not 1 or 2", fix: "Send NM102 = 1 for an individual rendering provider."),
        code("PRV-011", "2310C NM102", "the service facility entity type (NM102) is not 2", fix: "Send NM102 = 2 for the service facility."),
        code("COB-001", "2320 SBR01", "the other payer's responsibility sequence (SBR01) is not a code the guide allows", fix: "Set 2320 SBR01 to the other payer's place in line (P, S, T, A–H, U)."),
        code("COB-002", "2320 SBR02", "the other subscriber's relationship (SBR02) is not a code the guide allows", fix: "Use 01, 18, 19, 20, 21, 39, 40, 53 or G8."),
        code("COB-003", "2320 SBR09", "the other payer's claim filing indicator (SBR09) is not a code the guide allows", fix: "Use the other plan's filing indicator (e.g. CI, MB, MC)."),
        code("SVC-001", "SV101-1", "the procedure code qualifier (SV101-1) is not HC, ER, IV or WK", fix: "Send HC for CPT/HCPCS codes."),
        code("SVC-008", "SV103", "the unit of measure (SV103) is not UN (units) or MJ (minutes)", fix: "Send UN, or MJ for anesthesia minutes."),
        code("SVC-012", "SV107", "a diagnosis pointer (SV107) is not 1 to 12", fix: "Point to diagnosis positions 1–12 of the claim's HI segment."),
        code("SVC-016", "SV109/SV111/SV112", "an emergency, EPSDT or family planning indicator is not Y", fix: "Send Y or leave the indicator empty."),
        code("SVC-017", "2400 DTP*472", "the service date format (DTP02) is not D8 or RD8", fix: "Send D8 with one date or RD8 with a range."),
    ]
}
