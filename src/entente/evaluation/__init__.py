"""Scoring entente against hand-checked gold annotations (``entente eval``)."""

from entente.evaluation.score import Report, evaluate_file

__all__ = ["Report", "evaluate_file"]
