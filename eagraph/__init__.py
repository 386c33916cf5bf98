"""eagraph: the shared enterprise architecture of a government as an RDF knowledge graph in git.

The code lives in sub-packages named after what they do: ``eagraph.workspace`` loads a model
(with the file and line of every statement), ``eagraph.ontology`` ships the ``eag:`` terms,
``eagraph.validators`` checks a model, ``eagraph.generators`` turns it into other artefacts, and
``eagraph.cli`` is the thin ``eagraph`` command over all of them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eagraph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
