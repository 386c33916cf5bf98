"""Modelling in git: the canonical formatter (``eagraph fmt``, reading comments with
``commented_turtle``), the semantic diff (``diff``, ``diff_report``), the three-way merge driver
(``merge``), a new model repository (``eagraph init``: ``repository``, ``starter/``) and the key
figures over history (``trend``)."""

#: How many of the last commits that changed the model the history reads when nothing else is said:
#: the site's dashboard charts them and ``eagraph targets`` follows each target's course over them.
DEFAULT_COMMITS = 12
#: The shortest course, in days from its first commit to its last, whose pace ``eagraph targets``
#: projects to a target's date: about a quarter, so that the pace of a spell of writing the model is
#: not taken for a trend (see gittools/targets.py).
MIN_COURSE_DAYS = 90
