"""How much a partial parse could save: the share of sentences (and tokens) in which no rule
would read the tagger's or parser's output, and the share of run time those components take.

    python benchmarks/parse_need.py [N_STORIES]     # default 1,000 Reuters stories

Sentences come from the model's own `senter` (which the sm pipeline ships disabled) and mentions
from its NER, i.e. what a partial-parse pipeline would see before deciding where to parse. A
sentence "needs the parse" under each trigger rule below; the bound on the saving is the share
of tokens in sentences that need nothing, times the share of run time of tok2vec + tagger +
parser in the full model (the senter's own cost is subtracted).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REUTERS, WORK, write_corpus  # noqa: E402

NUMERIC = {"DATE", "TIME", "MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"}
# What each parse-reading component looks at before it reads POS, lemmas or dependencies
# (extract/components/*): dates, money, counts and facts start from numeric mentions or number
# words; persons from PERSON mentions and, for names the NER missed, from capitalised words
# (its recovery reads PROPN tags); facts link persons and numbers.
TRIGGERS: dict[str, Any] = {
    "numbers, dates, money (numeric entities or number words)": lambda s: (
        any(e.label_ in NUMERIC for e in s.ents) or any(t.like_num for t in s)
    ),
    "+ persons (PERSON entities)": lambda s: any(e.label_ == "PERSON" for e in s.ents),
    "+ persons' recovery (any capitalised word after the first)": lambda s: any(
        t.is_title for t in list(s)[1:]
    ),
}


def component_seconds(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Each component's time over ``texts``, run stage by stage (tokenizer included)."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    timings["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64))
        timings[name] = time.perf_counter() - started
    return timings


def parse_need(n_stories: int) -> dict[str, Any]:
    import spacy

    from extract.pipeline import DEFAULT_MODEL

    corpus = WORK / f"corpus-parse-need-{n_stories}.jsonl"
    texts, note = write_corpus(corpus, n_stories, with_seed=False)
    full = spacy.load(DEFAULT_MODEL)
    cheap = spacy.load(DEFAULT_MODEL, exclude=["tok2vec", "tagger", "parser", "lemmatizer"])
    cheap.enable_pipe("senter")
    for _ in full.pipe(texts[:20]):  # warm-up
        pass
    for _ in cheap.pipe(texts[:20]):
        pass
    full_times = component_seconds(full, texts)
    cheap_times = component_seconds(cheap, texts)
    sentences = tokens = 0
    needed = {label: [0, 0] for label in TRIGGERS}
    for doc in cheap.pipe(texts, batch_size=64):
        for sentence in doc.sents:
            sentences += 1
            tokens += len(sentence)
            hit = False
            for label, trigger in TRIGGERS.items():  # cumulative: each adds to the previous
                hit = hit or trigger(sentence)
                needed[label][0] += hit
                needed[label][1] += len(sentence) * hit
    total = sum(full_times.values())
    parse_share = sum(full_times.get(n, 0.0) for n in ("tok2vec", "tagger", "parser")) / total
    senter_share = cheap_times.get("senter", 0.0) / total
    rules = {}
    for label, (n_sentences, n_tokens) in needed.items():
        skipped = 1 - n_tokens / tokens
        saved = skipped * parse_share - senter_share
        rules[label] = {
            "sentences_needing_parse": round(n_sentences / sentences, 4),
            "tokens_needing_parse": round(n_tokens / tokens, 4),
            "best_case_model_time_saved": round(saved, 4),
            "best_case_speedup_of_the_model": round(1 / (1 - saved), 3),
        }
    return {
        "stories": note,
        "sentences": sentences,
        "tokens": tokens,
        "full_model_seconds": {k: round(v, 2) for k, v in full_times.items()},
        "senter_seconds": round(cheap_times.get("senter", 0.0), 2),
        "share_tok2vec_tagger_parser": round(parse_share, 4),
        "share_senter": round(senter_share, 4),
        "trigger_rules": rules,
    }


def report(result: dict[str, Any]) -> str:
    lines = [
        f"parse need on {result['stories']}: {result['sentences']} senter sentences, "
        f"{result['tokens']} tokens",
        f"  tok2vec + tagger + parser: {result['share_tok2vec_tagger_parser'] * 100:.1f} % of the "
        f"full model's time; senter {result['share_senter'] * 100:.1f} %",
    ]
    for label, rule in result["trigger_rules"].items():
        lines.append(
            f"  {label}: {rule['sentences_needing_parse'] * 100:.1f} % of sentences, "
            f"{rule['tokens_needing_parse'] * 100:.1f} % of tokens need the parse; best case "
            f"{rule['best_case_speedup_of_the_model']:.3f}x the model"
        )
    return "\n".join(lines)


def main() -> int:
    if not REUTERS.exists():
        print(f"{REUTERS} not present")
        return 0
    n_stories = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    result = parse_need(n_stories)
    text = report(result)
    print(text)
    WORK.mkdir(exist_ok=True)
    (WORK / "parse_need.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
