"""Scoring runs against gold annotations (``extract eval``); the rules are in docs/evaluation.md."""

from extract.evaluate.evaluation import Evaluation, evaluate_run, run_gold
from extract.evaluate.gold import GoldError, GoldSet, GoldUnavailable, load_gold
from extract.evaluate.report import print_report, to_json
from extract.evaluate.scoring import PRF, score_facts, score_table

__all__ = [
    "PRF",
    "Evaluation",
    "GoldError",
    "GoldSet",
    "GoldUnavailable",
    "evaluate_run",
    "load_gold",
    "print_report",
    "run_gold",
    "score_facts",
    "score_table",
    "to_json",
]
