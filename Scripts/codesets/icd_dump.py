"""Prints `code<TAB>B|H` for every ICD-10-CM code of the simple_icd_10_cm release on sys.path[0]."""
import sys
sys.path.insert(0, sys.argv[1])
import simple_icd_10_cm as cm
for code in cm.get_all_codes(with_dots=False):
    if "-" in code or not code[0].isalpha() or len(code) < 3:
        continue  # chapters ("1") and blocks ("A00-A09") are not codes
    print(code + "\t" + ("B" if cm.is_leaf(code) else "H"))
