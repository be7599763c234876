"""Score extraction against hand-written gold files (the shape of shared/gold/*.json).

    python scripts/eval_gold.py [GOLD.json ...] [--published YYYY-MM-DD] [--verbose]

With no file, scores every gold file in ../shared/gold. A gold file's "source" is
resolved against the shared folder; its publication date comes from the gold file,
else from the bundled source's .meta.toml of the same name, else --published.
Prints per-file and overall figures; exits 0 (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.documents import load_document  # noqa: E402
from extraction.extractor import extract  # noqa: E402
from config import BUNDLED_SOURCES  # noqa: E402
from sources.files import read_metadata  # noqa: E402

SHARED = ROOT.parent / "shared"
VOTE_FIELDS = ("date", "yes", "no", "abstain", "absent", "adopted", "vetoed_by")


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(folded.replace("’", "'").split())


def score_quotes(gold: list[dict], predicted: list[dict]) -> dict:
    by_span = {(q["start"], q["end"]): q for q in predicted}
    found = speaker = role = country = kind = 0
    misses = []
    for g in gold:
        p = by_span.get((g["start"], g["end"]))
        if p is None:
            misses.append(f"  missed quote {g['start']}-{g['end']}: {g['text'][:60]!r}")
            continue
        found += 1
        if normalise_name(p["speaker"]) == normalise_name(g["speaker"]):
            speaker += 1
        else:
            misses.append(f"  wrong speaker {p['speaker']!r} (gold {g['speaker']!r}): {g['text'][:50]!r}")
        role += normalise_name(p.get("speaker_role")) == normalise_name(g.get("speaker_role"))
        country += p.get("speaker_country") == g.get("speaker_country")
        kind += p.get("speaker_kind") == g.get("speaker_kind")
    gold_spans = {(g["start"], g["end"]) for g in gold}
    extra = [q for q in predicted if (q["start"], q["end"]) not in gold_spans]
    misses += [f"  extra quote {q['start']}-{q['end']}: {q['text'][:60]!r}" for q in extra]
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "found": found,
        "speaker": speaker,
        "role": role,
        "country": country,
        "kind": kind,
        "misses": misses,
    }


def score_votes(gold: list[dict], predicted: list[dict]) -> dict:
    remaining = list(predicted)
    fields_right = fields_total = positions_right = positions_total = matched = 0
    misses = []
    for g in gold:
        positions_total += len(g["positions"])
        p = next((v for v in remaining if v["body"] == g["body"]), None)
        if p is None:
            misses.append(f"  missed vote {g['body']} {g.get('date')}")
            fields_total += len(VOTE_FIELDS)
            continue
        remaining.remove(p)
        matched += 1
        for name in VOTE_FIELDS:
            fields_total += 1
            want, got = g.get(name), p.get(name)
            if name == "vetoed_by":
                want, got = sorted(want or []), sorted(got or [])
            if want == got:
                fields_right += 1
            else:
                misses.append(f"  {g['body']} {name}: got {got!r}, gold {want!r}")
        for iso3, position in g["positions"].items():
            if p["positions"].get(iso3) == position:
                positions_right += 1
            else:
                misses.append(f"  {g['body']} {iso3}: got {p['positions'].get(iso3)!r}, gold {position!r}")
    misses += [f"  extra vote {v['body']} {v.get('date')}" for v in remaining]
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": matched,
        "fields_right": fields_right,
        "fields_total": fields_total,
        "positions_right": positions_right,
        "positions_total": positions_total,
        "misses": misses,
    }


def published_for(gold: dict, source: Path, override: str | None) -> str | None:
    bundled = BUNDLED_SOURCES / source.name
    return override or gold.get("published") or read_metadata(bundled).get("published")


def evaluate(gold_path: Path, published: str | None) -> tuple[dict, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = SHARED / gold["source"]
    if not source.is_file():
        source = gold_path.parent.parent / gold["source"]
    document = load_document(source.read_bytes(), published=published_for(gold, source, published))
    result = extract(document).to_json()
    return score_quotes(gold["quotes"], result["quotes"]), score_votes(gold["votes"], result["votes"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, nargs="*")
    parser.add_argument("--published", help="publication date for sources whose gold has none")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    files = args.gold or sorted((SHARED / "gold").glob("*.json"))
    if not files:
        print(f"no gold files (looked in {SHARED / 'gold'}); nothing to score")
        return 0
    for gold_path in files:
        quotes, votes = evaluate(gold_path, args.published)
        print(f"{gold_path.name}")
        print(
            f"  quotations: {quotes['found']}/{quotes['gold']} found exactly "
            f"({quotes['predicted']} predicted); speaker {quotes['speaker']}/{quotes['gold']}, "
            f"role {quotes['role']}/{quotes['gold']}, country {quotes['country']}/{quotes['gold']}, "
            f"kind {quotes['kind']}/{quotes['gold']}"
        )
        print(
            f"  votes: {votes['matched']}/{votes['gold']} matched ({votes['predicted']} predicted); "
            f"fields {votes['fields_right']}/{votes['fields_total']}; "
            f"named positions {votes['positions_right']}/{votes['positions_total']}"
        )
        if args.verbose:
            for line in quotes["misses"] + votes["misses"]:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
