"""Generators: a model in, files out: the architecture site (``site/``) and the exports
(``archimate``, ``cpsv_ap``, ``jsonld``).

The exports are listed in ``exporters.py``: each an :class:`~.exporters.Exporter` (name, help,
suffixes, options, function) whose output is written by :func:`~.exporters.write`, atomically, and
whose entry makes its ``eagraph export`` subcommand. The site has its own folder and writer.
"""
