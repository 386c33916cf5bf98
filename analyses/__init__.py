"""Analyses: what to simplify first, as findings of the kinds the model contract names.

Each finding kind is declared once in the registry (``registry.py``) with its documentation and the
function that computes it; every analysis reads the same :class:`AnalysisModel`, built once per
run from the workspace (``model.py``).
"""
