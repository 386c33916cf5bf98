"""Modelling in git: the canonical formatter (``eagraph fmt``, reading comments with
``commented_turtle``), the semantic diff (``diff``, ``diff_report``), the three-way merge driver
(``merge``), a new model repository (``eagraph init``: ``repository``, ``starter/``) and the key
figures over history (``trend``)."""
