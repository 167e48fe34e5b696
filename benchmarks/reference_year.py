"""How often the inferred reference year is right when the publication date is hidden.

A deterministic sample of Reuters-21578 stories (all from 1987) is run as wire text with its
dateline and without its publication date ("SALVADOR, Feb 26 - Showers continued ..."); the
reference date the pipeline infers (``documents.reference_date`` with source ``inferred``) is
compared with the story's real year. The sample is drawn from lines 2000-14999: it leaves out
the first 2,000 stories (the development sample the rule was written on, and the corpus of
scripts/compare_runs.py), every blind-gold pool (lines 15000 and up) and every article a gold
set annotates.

    .venv/bin/python benchmarks/reference_year.py [--stories 1000] [--seed 15] [--json]

Prints the share of stories with an inferred year (coverage), the share of those that are
right (precision), and the wrong ones' ids (with --errors).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "data" / "dev" / "reuters21578.jsonl"
FIRST_LINE = 2000  # lines before it: the development sample
FIRST_POOL_LINE = 15000  # blind-gold pools start here


def gold_doc_ids() -> set[str]:
    ids: set[str] = set()
    for gold in sorted((REPO / "corpora" / "gold").glob("*/gold.json")):
        ids.update(json.loads(gold.read_text(encoding="utf-8")).get("doc_ids", []))
    return ids


def sample_stories(
    stories: int, seed: int, *, first: int = FIRST_LINE, last: int = FIRST_POOL_LINE
) -> list[dict]:
    """``stories`` Reuters records from lines ``first``..``last - 1`` that have a dateline
    and a text, none of them annotated by a gold set; fixed by ``seed``."""
    excluded = gold_doc_ids()
    records = []
    with REUTERS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= last:
                break
            if number < first:
                continue
            record = json.loads(line)
            if record.get("dateline") and record.get("text") and record["doc_id"] not in excluded:
                records.append(record)
    return random.Random(seed).sample(records, min(stories, len(records)))


def wire_text(record: dict) -> str:
    """The story as it came over the wire: dateline, dash, text; no date field."""
    return f"{record['dateline'].strip()} - {record['text']}"


def measure(records: list[dict], *, model: str | None = None) -> dict:
    import extract

    inputs = [{"id": r["doc_id"], "text": wire_text(r)} for r in records]
    documents = extract.extract_tables(inputs, model=model)["documents"].to_pylist()
    truth = {r["doc_id"]: int(r["published"][:4]) for r in records}
    inferred = [d for d in documents if d.get("reference_date_source") == "inferred"]
    right = [d for d in inferred if d["reference_date"].year == truth[d["doc_id"]]]
    wrong = sorted(
        (d["doc_id"], d["reference_date"].isoformat())
        for d in inferred
        if d["reference_date"].year != truth[d["doc_id"]]
    )
    return {
        "stories": len(records),
        "inferred": len(inferred),
        "right": len(right),
        "coverage": round(len(inferred) / len(records), 3) if records else 0.0,
        "precision": round(len(right) / len(inferred), 3) if inferred else 0.0,
        "right_share_of_stories": round(len(right) / len(records), 3) if records else 0.0,
        "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--first-line", type=int, default=FIRST_LINE)
    parser.add_argument("--last-line", type=int, default=FIRST_POOL_LINE)
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the wrong inferences")
    args = parser.parse_args(argv)
    if not REUTERS.exists():
        print(f"skipped: {REUTERS} is missing", file=sys.stderr)
        return 0
    records = sample_stories(args.stories, args.seed, first=args.first_line, last=args.last_line)
    result = measure(records, model=args.model)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{result['stories']} stories, year inferred for {result['inferred']} "
        f"({result['coverage']:.1%}), right {result['right']} ({result['precision']:.1%} of "
        f"those, {result['right_share_of_stories']:.1%} of all stories)"
    )
    if args.errors:
        for doc_id, reference in result["wrong"]:
            print(f"  wrong: {doc_id} -> {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
