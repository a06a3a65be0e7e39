#!/usr/bin/env python3
"""Extracts the administrative divisions (GB/T 2260, five levels) of some provinces into the compact
files the platform loads (gov.civilaffairs.platform.region.RegionDirectory).

Input: the china-division CSVs (provinces, cities, areas, streets, villages; see their SOURCE.md).
Output: one file per province, <province code>.csv.gz, UTF-8, header "code,name", every division of
the province from the province itself down to its villages, sorted by code. The level and the parent
are not stored: the level follows from the code's length (2, 4, 6, 9, 12 digits) and the parent is
the code's prefix one level up; this script checks both rules and stops if the data breaks them.
The gzip header carries no timestamp, so the same input always gives the same bytes.

Usage (from the repository root):
  deploy/tools/extract-regions.py /work/shared/data/regions 33 [34 ...]
  deploy/tools/extract-regions.py SOURCE_DIR PROVINCE... --out DIR
"""
import argparse
import csv
import gzip
import io
import pathlib
import sys

DEFAULT_OUT = "platform/src/main/resources/gov/civilaffairs/platform/region"
# file name, column naming the parent, length of a code at this level
LEVELS = [
    ("provinces.csv", None, 2),
    ("cities.csv", "provinceCode", 4),
    ("areas.csv", "cityCode", 6),
    ("streets.csv", "areaCode", 9),
    ("villages.csv", "streetCode", 12),
]
PARENT_LENGTH = {4: 2, 6: 4, 9: 6, 12: 9}


def extract(source: pathlib.Path, provinces: set[str]) -> dict[str, list[tuple[str, str]]]:
    rows: dict[str, list[tuple[str, str]]] = {p: [] for p in provinces}
    for file_name, parent_column, length in LEVELS:
        with open(source / file_name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                code = row["code"]
                if code[:2] not in provinces:
                    continue
                if len(code) != length or not code.isdigit():
                    sys.exit(f"{file_name}: code {code!r} should have {length} digits")
                if parent_column and row[parent_column] != code[:PARENT_LENGTH[length]]:
                    sys.exit(f"{file_name}: parent of {code} is {row[parent_column]}, not its prefix")
                rows[code[:2]].append((code, row["name"]))
    for province, divisions in rows.items():
        if not divisions:
            sys.exit(f"no divisions for province {province}")
        codes = {code for code, _ in divisions}
        orphans = [c for c in codes if len(c) > 2 and c[:PARENT_LENGTH[len(c)]] not in codes]
        if orphans:
            sys.exit(f"province {province}: {len(orphans)} divisions without parent, e.g. {orphans[:3]}")
    return rows


def write(out: pathlib.Path, province: str, divisions: list[tuple[str, str]]) -> pathlib.Path:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["code", "name"])
    writer.writerows(sorted(divisions))
    target = out / f"{province}.csv.gz"
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=pathlib.Path, help="folder with provinces.csv ... villages.csv")
    parser.add_argument("provinces", nargs="+", help="2-digit province codes, e.g. 33 for 浙江省")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path(DEFAULT_OUT))
    args = parser.parse_args()
    for province, divisions in extract(args.source, set(args.provinces)).items():
        target = write(args.out, province, divisions)
        print(f"{target}: {len(divisions)} divisions, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
