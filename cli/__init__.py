"""The eagraph command line: ``main.py`` builds the ``eagraph`` group and adds every command, each
command module takes its shared options from ``options.py``, and ``console.py`` decides how to talk
(colour, progress, exit codes)."""
