"""Loading a model: its files, its configuration, the position of every statement, a cache.

``eagraph.workspace.load(path)`` is what every command starts with::

    from eagraph.workspace import load
    ws = load("models")
    for row in ws.query("SELECT ?s WHERE { ?s a <http://purl.org/vocab/cpsv#PublicService> }"):
        print(row["s"], ws.locate(row["s"]))
"""

from eagraph.location import Location

from .config import Config, load_config
from .errors import ConfigError, EagraphError, ModelNotFoundError, ModelSyntaxError, SourceProblem
from .files import WriteError
from .workspace import ModelFile, Workspace, load, term_key

__all__ = [
    "Config", "ConfigError", "EagraphError", "Location", "ModelFile", "ModelNotFoundError",
    "ModelSyntaxError", "SourceProblem", "Workspace", "WriteError", "load", "load_config", "term_key",
]
