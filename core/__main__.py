"""``python -m eagraph`` is the ``eagraph`` command."""

from eagraph.cli.main import main

main()
