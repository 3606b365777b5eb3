"""Rebuild data/figures/onet-30.1.json from the O*NET 30.1 skill and work-activity profiles.

    python scripts/refresh_onet.py ../shared/reference/onet_30_1_skill_activity_profiles.json

Keeps the 76 element names, each element's mean and standard deviation over all occupations in
the release (rolecmp centres profiles on these means before comparing them), and the profiles
of the healthcare occupations (SOC 29-xxxx and 31-xxxx). O*NET 30.1, U.S. Department of
Labor/ETA, CC BY 4.0.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "figures" / "onet-30.1.json"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    source = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    elements = source["elements"]
    profiles = source["profiles"]
    ids = [e["element_id"] for e in elements]
    mean = {i: round(statistics.fmean(p["vector"][i] for p in profiles.values()), 4) for i in ids}
    sd = {i: round(statistics.pstdev([p["vector"][i] for p in profiles.values()]), 4)
          for i in ids}
    kept = {
        code: {"title": p["title"], "source_onet_codes": p.get("source_onet_codes", []),
               "vector": [p["vector"][i] for i in ids]}
        for code, p in sorted(profiles.items()) if code.startswith(("29-", "31-"))
    }
    payload = {
        "release": "onet-30.1",
        "occupations_in_release": len(profiles),
        "elements": [{"id": e["element_id"], "name": e["element_name"], "type": e["type"]}
                     for e in elements],
        "mean": [mean[i] for i in ids],
        "sd": [sd[i] for i in ids],
        "profiles": kept,
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"O*NET 30.1: {len(ids)} elements, {len(kept)} of {len(profiles)} profiles kept")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
