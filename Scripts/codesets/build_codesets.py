#!/usr/bin/env python3
"""Builds the code set files under Config/codesets/ from public sources (see Config/codesets/SOURCES.md).

Inputs (all obtained with `pip download --no-deps`, except HCPCS, see SOURCES.md):
  --icd OLD.tsv NEW.tsv   `code<TAB>B|H` dumps of two simple_icd_10_cm releases (icd_dump.py)
  --hcpcs CSV             CMS HCPCS alpha-numeric file (HCPC2025_OCT_ANWEB) as a CSV copy
  --pyx12-codes XML       pyx12/map/codes.xml (place of service, states)
  --zipcodes DIR          an unpacked zipcodes 3.0.0 wheel (ZIP to state)

Output format, one code per line: `CODE[<TAB>FLAGS[<TAB>FROM[<TAB>TO]]]`; FROM/TO are CCYYMMDD, empty
FROM means the header's `effective` date, empty TO means still valid. Header lines start with `#`.
"""
import argparse, csv, gzip, os, re, sys
import xml.etree.ElementTree as ET

ICD_OLD_EFFECTIVE, ICD_NEW_EFFECTIVE = "20250401", "20260401"
ICD_GAP_START, ICD_OLD_END = "20251001", "20250930"


def header(kind, version, effective, source):
    return [f"# claimsgate code set", f"# kind: {kind}", f"# version: {version}", f"# effective: {effective}",
            f"# source: {source}", "# format: CODE<TAB>FLAGS<TAB>FROM<TAB>TO (see Config/codesets/SOURCES.md)"]


def write(path, lines, compress=False):
    text = "\n".join(lines) + "\n"
    if compress:
        with gzip.GzipFile(path, "wb", mtime=0) as out:
            out.write(text.encode())
    else:
        with open(path, "w") as out:
            out.write(text)


def icd(old_path, new_path, out_dir):
    read = lambda p: dict(line.rstrip("\n").split("\t") for line in open(p))
    old, new = read(old_path), read(new_path)
    lines = header("icd10cm", "2026-04", ICD_OLD_EFFECTIVE,
                   "CMS/NCHS ICD-10-CM tabular April 2025 and April 2026 via simple_icd_10_cm 1.4.0 and 1.5.0 (PyPI)")
    for code in sorted(set(old) | set(new)):
        before, after = old.get(code), new.get(code)
        if before and after and before == after:
            lines.append(code if after == "B" else f"{code}\t{after}")
        elif before and after:  # billable status changed with the FY2026 release
            lines.append(f"{code}\t{before}\t\t{ICD_OLD_END}")
            lines.append(f"{code}\t{after}\t{ICD_GAP_START}")
        elif before:
            lines.append(f"{code}\t{before}\t\t{ICD_OLD_END}")
        else:
            lines.append(f"{code}\t{after}\t{ICD_GAP_START}")
    write(os.path.join(out_dir, "icd10cm.txt.gz"), lines, compress=True)
    return len(lines)


NOC = re.compile(r"not otherwise classified|unclassified|unlisted|\bnoc\b|miscellaneous", re.I)


def hcpcs(csv_path, out_dir):
    rows = list(csv.DictReader(open(csv_path, newline="")))
    codes, modifiers = {}, {}
    for row in rows:
        key = row["Code"]
        record = key[-1]  # record identification code: 3/4 procedure, 7/8 modifier (4/8 continuation)
        if record not in "37":
            continue
        code = key[:-6]
        if code.startswith("D"):
            continue  # D codes are CDT, copyright ADA: never shipped
        added = row["Unknown4"].strip()[-12:-4] if len(row["Unknown4"].strip()) >= 12 else ""
        flags = "N" if NOC.search(row["Description1"]) else "B"
        (codes if record == "3" else modifiers)[code] = (flags, added if re.fullmatch(r"\d{8}", added) else "")
    effective = "20251001"
    source = "CMS HCPCS Level II alpha-numeric file HCPC2025_OCT_ANWEB (public domain), CSV copy; D (CDT) codes omitted"
    for name, table, kind in (("hcpcs.txt.gz", codes, "hcpcs"), ("hcpcs-modifiers.txt", modifiers, "hcpcs-modifiers")):
        lines = header(kind, "2025-10", effective, source)
        for code in sorted(table):
            flags, added = table[code]
            start = added if added and added > "20200101" else ""
            lines.append(code + ("" if flags == "B" and not start else f"\t{flags}") + (f"\t{start}" if start else ""))
        write(os.path.join(out_dir, name), lines, compress=name.endswith(".gz"))
    return len(codes), len(modifiers)


POS_FROM = {"10": "20220101", "27": "20231001"}  # CMS POS table: newest additions


def pos_and_states(codes_xml, out_dir):
    sets = {cs.find("id").text: [c.text for c in cs.iter("code")] for cs in ET.parse(codes_xml).getroot()}
    lines = header("pos", "pyx12-4.0.0", "20200101", "CMS Place of Service code set, as listed in pyx12 4.0.0 codes.xml (BSD)")
    lines += [code + (f"\tB\t{POS_FROM[code]}" if code in POS_FROM else "") for code in sorted(sets["pos"])]
    write(os.path.join(out_dir, "pos.txt"), lines)
    canada = {"AB", "BC", "MB", "NB", "NF", "NL", "NS", "NT", "NU", "ON", "PE", "PQ", "QC", "SK", "YT"}
    states = sorted(set(sets["states"]) | {"NL", "QC", "NU"})
    lines = header("states", "pyx12-4.0.0+canada-post", "20200101",
                   "USPS state and territory codes and Canada Post province codes, per pyx12 4.0.0 codes.xml (BSD), "
                   "plus NL, QC, NU (Canada Post)")
    lines += [code + ("\tC" if code in canada else "") for code in states]
    write(os.path.join(out_dir, "states.txt"), lines)
    return len(sets["pos"]), len(states)


def zip3(zip_dir, out_dir):
    sys.path.insert(0, zip_dir)
    import zipcodes
    prefixes = {}
    for entry in zipcodes.list_all():
        prefixes.setdefault(entry["zip_code"][:3], set()).add(entry["state"])
    lines = header("zip3", "zipcodes-3.0.0", "20200101",
                   "ZIP prefix to state, derived from zipcodes 3.0.0 (PyPI, MIT; data: GeoNames CC BY 4.0, USPS)")
    lines += [f"{prefix}\t{','.join(sorted(states))}" for prefix, states in sorted(prefixes.items())]
    write(os.path.join(out_dir, "zip3.txt"), lines)
    return len(prefixes)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--icd", nargs=2, required=True)
    parser.add_argument("--hcpcs", required=True)
    parser.add_argument("--pyx12-codes", required=True)
    parser.add_argument("--zipcodes", required=True)
    parser.add_argument("--out", default="Config/codesets")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    print("icd10cm lines", icd(*args.icd, args.out))
    print("hcpcs codes, modifiers", hcpcs(args.hcpcs, args.out))
    print("pos, states", pos_and_states(args.pyx12_codes, args.out))
    print("zip3 prefixes", zip3(args.zipcodes, args.out))
