"""Modelling in git: the canonical formatter (``eagraph fmt``), and later the semantic diff, the
three-way merge driver and trends over history."""
