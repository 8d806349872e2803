#!/usr/bin/env python3
"""Matching quality of a recon run against gen.py's ground truth.

usage: quality.py TRUTH_CSV SETTLEMENTS_CSV [EXCEPTIONS_CSV]

Precision: of the (transaction, invoice) pairs recon settled automatically, how many are in the
truth. Recall: of the truth's pairs, how many recon settled automatically. Both per category of
gen.py and overall; "informative" leaves out the categories whose payments carry nothing that
names an invoice (unknown payers). Pairs settled by a reviewer's decision (rule starting with
"decision:") are not automatic and are not counted.
"""
import csv
import sys
from collections import defaultdict


def main():
    truth_path, settlements_path = sys.argv[1], sys.argv[2]
    truth = {}
    category_of = {}
    for row in csv.DictReader(open(truth_path, encoding="utf-8")):
        ref = row["acct_svcr_ref"]
        category_of[ref] = row["category"]
        truth[ref] = set(row["invoice_ids"].split()) if row["invoice_ids"] else set()
    auto = defaultdict(set)
    for row in csv.DictReader(open(settlements_path, encoding="utf-8")):
        if row.get("rule", "").startswith("decision:"):
            continue
        auto[row["bank_ref"]].add(row["invoice_id"])

    stats = defaultdict(lambda: [0, 0, 0, 0])  # payments, truth pairs, auto pairs, correct pairs
    for ref, category in category_of.items():
        expected, got = truth[ref], auto.get(ref, set())
        for key in (category, "all"):
            s = stats[key]
            s[0] += 1
            s[1] += len(expected)
            s[2] += len(got)
            s[3] += len(expected & got)
        if category != "unknown":
            s = stats["informative"]
            s[0] += 1
            s[1] += len(expected)
            s[2] += len(got)
            s[3] += len(expected & got)

    order = ["exact", "discount", "partial", "underover", "multi", "typo", "unknown", "informative", "all"]
    print("| case | payments | truth pairs | auto pairs | correct | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key in order:
        if key not in stats:
            continue
        n, t, a, c = stats[key]
        precision = "%.2f %%" % (100.0 * c / a) if a else "–"
        recall = "%.2f %%" % (100.0 * c / t) if t else "–"
        print("| %s | %d | %d | %d | %d | %s | %s |" % (key, n, t, a, c, precision, recall))
    n, t, a, c = stats["all"]
    wrong = a - c
    print()
    print("wrong automatic pairs: %d of %d" % (wrong, a))


if __name__ == "__main__":
    main()
