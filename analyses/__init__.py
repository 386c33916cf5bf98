"""Analyses: what to simplify first, as findings of the kinds the model contract names.

Each finding kind is declared once, as a :class:`~.kind.Kind` next to its function (``structural.py``,
``duplicates.py``, ``harmonisation.py``), and listed once in the static tuple of ``registry.py``; every
analysis reads the same :class:`AnalysisModel`, built once per run from the workspace (``model.py``).
"""
