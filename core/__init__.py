"""eagraph: the shared enterprise architecture of a government as an RDF knowledge graph in git.

The code lives in sub-packages named after what they do: ``eagraph.workspace`` loads a model
(with the file and line of every statement), ``eagraph.ontology`` ships the ``eag:`` terms,
``eagraph.validators`` checks a model, ``eagraph.analyses`` finds what to simplify,
``eagraph.reporters`` writes findings in every format, ``eagraph.generators`` turns a model into other
artefacts, ``eagraph.gittools`` models in git, ``eagraph.importers`` and ``eagraph.remote`` bring models
in and out, and ``eagraph.cli`` is the thin ``eagraph`` command over all of them.

This module, ``eagraph.findings`` and ``eagraph.location`` (where a finding is) live in the repository's
``core/`` folder (see ``package-dir`` in pyproject.toml): a folder named ``eagraph`` at the root would
hide the installed package from Python run there. The core imports nothing from the packages built
on it (tests/test_vocabulary_home.py holds that).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eagraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
