#!/usr/bin/env python3
"""Independent 837P 005010X222A1 fixture generator (standard library only).

The gateway's acceptance tests must read a file that `claimsgate generate` did not write, or a bug
shared by the Swift generator and the Swift parser would go unnoticed. This script shares no code,
word lists or layout with `ClaimsSynthetic` and deliberately differs in style:

* three ST/SE transaction sets per file (fewer only when there are fewer claims, more when a set
  would hold over the 5,000 claims the TR3 recommends), 9-digit ST02;
* one segment per line, `>` as the component separator (ISA16), amounts always with two decimals;
* subscribers with several claims under one 2000B, families with several 2000C patients,
  pay-to addresses (2010AB), payer addresses, rendering providers (2310B), onset dates (DTP*431),
  clearinghouse trace numbers (REF*D9) and line item control numbers (REF*6R).

Usage:
    python3 Tests/Fixtures/make_837p.py --claims 1000 --out FILE [--seed N] [--bad-se01-st K]

`--bad-se01-st K` writes a wrong SE01 (one too many) in the K-th transaction set, so that a 999
rejects exactly that set (IK5*R, IK502=4) and accepts the others.
"""

import argparse
import datetime
import random
import sys

SENDER = "DEMOSUBMITTER"
RECEIVER = "CLAIMSGATE"
COMPONENT = ">"
MAX_CLAIMS_PER_SET = 5000  # the TR3's recommendation; the gateway rejects bigger sets by default

# Billable FY2025 ICD-10-CM leaf codes, no dot, none restricted by age or sex.
PRINCIPAL_DX = [
    "J020", "J0190", "J329", "J309", "H1033", "L700", "M7918", "R110", "R197", "K5792", "E559",
    "D509", "I480", "I509", "E1140", "E1142", "G8929", "M47816", "M5416", "R7303", "G5600", "F909",
]
SECONDARY_DX = ["R739", "F17210", "Z7901", "L989", "R635", "E538", "I10", "E785"]

# (code, price in cents, maximum units, modifiers to choose from)
VISITS = [("99202", 11000), ("99213", 13200), ("99214", 19800), ("99203", 17500)]
ADD_ONS = [
    ("36415", 1800, 1, []), ("82306", 6400, 1, []), ("82728", 3900, 1, []), ("80048", 3300, 1, []),
    ("87086", 2700, 1, []), ("93000", 7200, 1, []), ("96372", 4100, 1, []), ("J0696", 1150, 4, []),
    ("90715", 5600, 1, []), ("90471", 2900, 1, []), ("17110", 14500, 1, []), ("11200", 16000, 1, []),
    ("97161", 17000, 1, ["GP"]), ("97116", 6300, 3, ["GP"]), ("98941", 7800, 1, ["AT"]),
]

SURNAMES = [
    "ABERNATHY", "BECKWITH", "CALLOWAY", "DUNMORE", "ELLSWORTH", "FAIRCLOTH", "GALLOWAY", "HOLLOWAY",
    "IVERSON", "JAMESON", "KINCAID", "LANGLEY", "MERRIWEATHER", "NORTHCUTT", "OAKLEY", "PEMBERTON",
    "QUINCY", "RADCLIFFE", "STANHOPE", "THORNBURY", "UPCHURCH", "VANCE", "WHITLOCK", "YARBROUGH",
]
GIVEN = {
    "F": ["ADELINE", "BEATRICE", "CORA", "DELIA", "EVELYN", "FLORA", "GWEN", "HAZEL", "IRIS", "JUNE"],
    "M": ["ABEL", "BRUNO", "CLIFFORD", "DEXTER", "EMMETT", "FLOYD", "GIDEON", "HOMER", "IRVING", "JASPER"],
}
# Real city / state / ZIP5 triples (the street part is invented).
TOWNS = [
    ("BURLINGTON", "VT", "05401"), ("CHEYENNE", "WY", "82001"), ("DOVER", "DE", "19901"),
    ("FARGO", "ND", "58102"), ("HELENA", "MT", "59601"), ("JACKSON", "MS", "39201"),
    ("JUNEAU", "AK", "99801"), ("PIERRE", "SD", "57501"), ("PROVIDENCE", "RI", "02903"),
    ("SANTA FE", "NM", "87501"), ("CONCORD", "NH", "03301"), ("FRANKFORT", "KY", "40601"),
]
STREETS = ["QUARRY", "ORCHARD", "LANTERN", "HARVEST", "BLUEBELL", "TIMBER", "COPPER", "FOXGLOVE"]
PAYERS = [  # name, payer id, SBR09, member id prefix
    ("NORTHWIND HEALTH PLAN", "NWH01", "CI", "NW"),
    ("CONTOSO CARE MEDICAID", "CCM22", "MC", "CC"),
    ("FABRIKAM BENEFITS TRUST", "FAB33", "BL", "FB"),
    ("WOODGROVE SENIOR ADVANTAGE", "WSA44", "16", "WS"),
]
TAXONOMIES = [("207Q00000X", "FAMILY PRACTICE"), ("111N00000X", "CHIROPRACTIC"),
              ("2084N0400X", "NEUROLOGY"), ("207RC0000X", "CARDIOLOGY")]


def npi(rng):
    """Ten digits, Luhn check digit over the `80840` prefix plus the first nine digits."""
    body = str(rng.choice("12")) + "".join(str(rng.randrange(10)) for _ in range(8))
    total = 24
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def money(cents):
    return "%d.%02d" % divmod(cents, 100)


def street(rng):
    return "%d %s %s" % (rng.randrange(1, 999), rng.choice(STREETS), rng.choice(["TER", "CIR", "PKWY", "ROW"]))


def make_providers(rng):
    providers = []
    for i in range(6):
        taxonomy, label = rng.choice(TAXONOMIES)
        town = rng.choice(TOWNS)
        providers.append({
            "name": "%s %s CENTER" % (rng.choice(SURNAMES), label),
            "npi": npi(rng), "ein": "%02d%07d" % (rng.choice([31, 39, 52, 61, 73, 91]), rng.randrange(10**7)),
            "taxonomy": taxonomy, "street": street(rng), "town": town,
            "zip4": town[2] + "%04d" % rng.randrange(1, 10000),
            "pay_to": rng.random() < 0.4,
            "rendering": [(rng.choice(SURNAMES), rng.choice(GIVEN[rng.choice("FM")]), npi(rng)) for _ in range(2)],
        })
    return providers


class Writer:
    """Collects one transaction set's segments; SE01 is their count."""

    def __init__(self):
        self.segments = []

    def seg(self, *elements):
        elements = list(elements)
        while elements and elements[-1] == "":
            elements.pop()
        self.segments.append("*".join(elements))


def person(rng, age_lo, age_hi, ref, surname=None):
    sex = rng.choice("FM")
    born = ref - datetime.timedelta(days=rng.randrange(age_lo * 365 + 30, age_hi * 365))
    return {"last": surname or rng.choice(SURNAMES), "first": rng.choice(GIVEN[sex]), "sex": sex,
            "dob": born.strftime("%Y%m%d")}


def write_claim(w, rng, state, provider, ref):
    state["claim"] += 1
    n_dx = rng.choice([1, 1, 2, 2, 3, 4])
    dx = [rng.choice(PRINCIPAL_DX)] + rng.sample(SECONDARY_DX, n_dx - 1)
    dos = ref - datetime.timedelta(days=rng.randrange(2, 60))
    code, price = rng.choice(VISITS)
    lines = [(code, [], price, 1)]
    for extra_code, extra_price, max_units, modifiers in rng.sample(ADD_ONS, rng.choice([0, 1, 1, 2, 3])):
        units = rng.randint(1, max_units)
        lines.append((extra_code, list(modifiers), extra_price * units, units))
    if len(lines) > 1:
        lines[0] = (code, ["25"], price, 1)
    total = sum(line[2] for line in lines)
    replacement = rng.random() < 0.03

    w.seg("CLM", "PT%s%06d" % (state["tag"], state["claim"]), money(total), "", "",
          COMPONENT.join(["11", "B", "7" if replacement else "1"]), "Y", "A", "Y", "Y")
    if rng.random() < 0.5:
        w.seg("DTP", "431", "D8", (dos - datetime.timedelta(days=rng.randrange(1, 30))).strftime("%Y%m%d"))
    if replacement:
        w.seg("REF", "F8", "ICN%011d" % rng.randrange(10**11))
    w.seg("REF", "D9", "TRC%09d" % rng.randrange(10**9))
    w.seg("HI", *[("ABK" if i == 0 else "ABF") + COMPONENT + d for i, d in enumerate(dx)])
    last, first, rendering_npi = rng.choice(provider["rendering"])
    w.seg("NM1", "82", "1", last, first, "", "", "", "XX", rendering_npi)
    w.seg("PRV", "PE", "PXC", provider["taxonomy"])
    for number, (line_code, modifiers, charge, units) in enumerate(lines, start=1):
        pointers = [1] + rng.sample(range(2, len(dx) + 1), min(len(dx) - 1, rng.randrange(0, 3)))
        w.seg("LX", str(number))
        w.seg("SV1", COMPONENT.join(["HC", line_code] + modifiers), money(charge), "UN", str(units), "", "",
              COMPONENT.join(str(p) for p in pointers))
        w.seg("DTP", "472", "D8", dos.strftime("%Y%m%d"))
        w.seg("REF", "6R", "L%d-%d" % (state["claim"], number))


def write_household(w, rng, state, provider, provider_hl, payer, ref, quota):
    """One 2000B and its claims; returns how many claims it wrote (1..quota)."""
    name, payer_id, filing, prefix = payer
    state["hl"] += 1
    subscriber_hl = state["hl"]
    family = filing != "16" and quota >= 2 and rng.random() < 0.35
    w.seg("HL", str(subscriber_hl), str(provider_hl), "22", "1" if family else "0")
    w.seg("SBR", "P", "" if family else "18", "" if filing in ("MC", "16") else "GR%05d" % rng.randrange(10**5),
          "", "", "", "", "", filing)
    sub = person(rng, 66 if filing == "16" else 22, 90 if filing == "16" else 60, ref)
    w.seg("NM1", "IL", "1", sub["last"], sub["first"], "", "", "", "MI", "%s%010d" % (prefix, rng.randrange(10**10)))
    town = rng.choice(TOWNS)
    if not family:
        w.seg("N3", street(rng))
        w.seg("N4", town[0], town[1], town[2])
        w.seg("DMG", "D8", sub["dob"], sub["sex"])
    w.seg("NM1", "PR", "2", name, "", "", "", "", "PI", payer_id)
    if rng.random() < 0.3:
        w.seg("N3", "PO BOX %d" % rng.randrange(100, 9999))
        w.seg("N4", town[0], town[1], town[2])

    written = 0
    if not family:
        for _ in range(min(quota, rng.choice([1, 1, 1, 2, 3]))):
            write_claim(w, rng, state, provider, ref)
            written += 1
        return written
    home = street(rng)
    for _ in range(rng.choice([1, 2, 2, 3])):
        if written >= quota:
            break
        state["hl"] += 1
        w.seg("HL", str(state["hl"]), str(subscriber_hl), "23", "0")
        w.seg("PAT", rng.choice(["19", "19", "01"]))
        patient = person(rng, 2, 21, ref, sub["last"])
        w.seg("NM1", "QC", "1", patient["last"], patient["first"])
        w.seg("N3", home)
        w.seg("N4", town[0], town[1], town[2])
        w.seg("DMG", "D8", patient["dob"], patient["sex"])
        for _ in range(min(quota - written, rng.choice([1, 1, 2]))):
            write_claim(w, rng, state, provider, ref)
            written += 1
    return written


def write_transaction_set(rng, state, providers, ref, control, quota):
    w = Writer()
    w.seg("ST", "837", control, "005010X222A1")
    w.seg("BHT", "0019", "00", "FX%s%s" % (state["tag"], control), ref.strftime("%Y%m%d"), "0930", "CH")
    w.seg("NM1", "41", "2", "INDEPENDENT FIXTURE SUBMITTER", "", "", "", "", "46", SENDER)
    w.seg("PER", "IC", "FIXTURE DESK", "EM", "FIXTURES@EXAMPLE.INVALID", "TE", "5555550199")
    w.seg("NM1", "40", "2", "CLAIMSGATE GATEWAY", "", "", "", "", "46", RECEIVER)
    state["hl"] = 0
    chosen = rng.sample(providers, min(len(providers), rng.randint(2, 4)))
    remaining = quota
    for index, provider in enumerate(chosen):
        # Every 2000A needs at least one claim; the last one takes what is left.
        if remaining == 0:
            break
        share = remaining if index == len(chosen) - 1 else max(1, remaining // (len(chosen) - index))
        state["hl"] += 1
        provider_hl = state["hl"]
        w.seg("HL", str(provider_hl), "", "20", "1")
        w.seg("PRV", "BI", "PXC", provider["taxonomy"])
        w.seg("NM1", "85", "2", provider["name"], "", "", "", "", "XX", provider["npi"])
        w.seg("N3", provider["street"])
        w.seg("N4", provider["town"][0], provider["town"][1], provider["zip4"])
        w.seg("REF", "EI", provider["ein"])
        if provider["pay_to"]:
            w.seg("NM1", "87", "2")
            w.seg("N3", "PO BOX %d" % rng.randrange(100, 9999))
            w.seg("N4", provider["town"][0], provider["town"][1], provider["town"][2])
        while share > 0:
            done = write_household(w, rng, state, provider, provider_hl, rng.choice(PAYERS), ref, share)
            share -= done
            remaining -= done
    return w


def generate(claims, seed, bad_se01_st=None):
    rng = random.Random(seed)
    ref = datetime.date(2025, 1, 1) + datetime.timedelta(days=seed % 300)
    state = {"tag": "%04X" % (seed % 65536), "claim": 0, "hl": 0}
    providers = make_providers(rng)
    set_count = max(min(3, claims), -(-claims // MAX_CLAIMS_PER_SET))
    if bad_se01_st is not None and not 1 <= bad_se01_st <= set_count:
        raise SystemExit("--bad-se01-st must be between 1 and %d" % set_count)
    isa13 = "%09d" % (100000000 + seed % 900000000)
    gs06 = str(7000 + seed % 1000)
    out = [
        "ISA*00*          *00*          *ZZ*%-15s*ZZ*%-15s*%s*0930*^*00501*%s*0*T*%s"
        % (SENDER, RECEIVER, ref.strftime("%y%m%d"), isa13, COMPONENT),
        "GS*HC*%s*%s*%s*0930*%s*X*005010X222A1" % (SENDER, RECEIVER, ref.strftime("%Y%m%d"), gs06),
    ]
    for k in range(1, set_count + 1):
        quota = claims // set_count + (1 if k <= claims % set_count else 0)
        control = "%09d" % (210000000 + k)
        w = write_transaction_set(rng, state, providers, ref, control, quota)
        count = len(w.segments) + 1 + (1 if k == bad_se01_st else 0)
        w.seg("SE", str(count), control)
        out.extend(w.segments)
    out.append("GE*%d*%s" % (set_count, gs06))
    out.append("IEA*1*%s" % isa13)
    return "".join(s + "~\n" for s in out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True, help="number of claims (>= 1)")
    parser.add_argument("--out", required=True, help="file to write")
    parser.add_argument("--seed", type=int, default=837, help="random seed (default 837)")
    parser.add_argument("--bad-se01-st", type=int, metavar="K", help="make SE01 of the K-th ST wrong (1-based)")
    args = parser.parse_args(argv)
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    text = generate(args.claims, args.seed, args.bad_se01_st)
    with open(args.out, "w", encoding="ascii", newline="") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
