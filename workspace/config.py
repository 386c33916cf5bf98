"""``eagraph.toml``: which files make the model, which languages every label needs, and more.

The configuration is a declared schema: each key has a type, a default and a docstring, so
the manual's configuration page and the warnings about unknown keys come from one table.
"""

from __future__ import annotations

import tomllib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

CONFIG_FILE = "eagraph.toml"


@dataclass(frozen=True)
class Option:
    section: str
    key: str
    type: type
    default: object
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option("model", "include", list, ["**/*.ttl", "**/*.nt", "**/*.rdf", "**/*.owl", "**/*.jsonld"],
           "Glob patterns, relative to the folder of eagraph.toml, of the files that make the model."),
    Option("model", "exclude", list, [],
           "Glob patterns of files to leave out even if `include` matches them."),
    Option("model", "languages", list, ["nl", "fr"],
           "Languages every title, description and label must have (BCP 47 tags)."),
    Option("model", "base", str, "",
           "Base IRI for relative IRIs; empty means file:///<path of the file in the model>."),
    Option("validate", "shapes", list, [],
           "Extra SHACL shapes files of your organisation, checked after eagraph's own."),
    Option("validate", "suppress", list, [],
           "Rule suppressions: tables with `rule`, optional `node`, and a `reason`."),
    Option("output", "site", str, "site",
           "Folder `eagraph site build` writes the site to, relative to the model; it must lie inside the model's "
           "repository (or folder). Unset: `site` in the current folder."),
    Option("site", "title", str, "",
           "Title of the architecture site; empty means a title in each language of the site."),
    Option("output", "reports", str, "reports",
           "Folder reports are written to, relative to the model."),
    # The tariffs and defaults of `eagraph burden` (the Standard Cost Model); docs/burden.md gives their sources.
    Option("burden", "business_hour", float, 24.75,
           "Euros an hour of a business's time is worth. Default: Statbel's average gross monthly wage of a "
           "full-time employee in October 2022 (4,076 euros, survey on earnings) over 164.67 hours a month "
           "(38 hours a week); without employer's charges. Set your own."),
    Option("burden", "citizen_hour", float, 24.75,
           "Euros an hour of a citizen's time is worth. No official Belgian figure exists: the default is the "
           "business hour's Statbel figure, to be set by the user (0 counts citizens' hours only)."),
    Option("burden", "information_time", str, "PT15M",
           "Time (xsd:duration) an applicant spends finding out about a service whose model states no "
           "eag:informationTime. A default to be set by the user."),
    Option("burden", "filling_in_time", str, "PT30M",
           "Time an applicant spends filling in an application, where neither the channel nor the service "
           "states eag:fillingInTime. A default to be set by the user."),
    Option("burden", "counter_trip", str, "PT1H",
           "Time of a trip to a counter and back (a channel of type eag:Counter without eag:travelTime). "
           "A default to be set by the user."),
    Option("burden", "waiting_time", str, "PT20M",
           "Time an applicant waits at a counter whose channel states no eag:waitingTime. A default to be set "
           "by the user."),
    Option("burden", "evidence_time", str, "PT30M",
           "Time it takes an applicant to obtain one piece of evidence whose evidence and evidence type state "
           "no eag:obtainingTime. A default to be set by the user."),
    Option("burden", "evidence_cost", float, 0.0,
           "Euros one piece of evidence costs the applicant when neither it nor its evidence type states "
           "cv:hasCost. A default to be set by the user."),
)



def default(key: str):
    """The default of the setting ``key``, as :data:`OPTIONS` (the one place it is written) says."""
    return next(option.default for option in OPTIONS if option.key == key)


# Folders that never hold model files, whatever `include` says.
ALWAYS_EXCLUDED = (".git", ".venv", "node_modules", "site", "__pycache__", ".eagraph-cache")


@dataclass(frozen=True)
class Config:
    """The settings of one model; defaults apply where eagraph.toml is silent or absent."""

    root: Path
    include: tuple[str, ...] = tuple(default("include"))
    exclude: tuple[str, ...] = tuple(default("exclude"))
    languages: tuple[str, ...] = tuple(default("languages"))
    base: str = default("base")
    shapes: tuple[Path, ...] = ()
    suppress: tuple[dict, ...] = ()
    site: Path | None = None  # None: not set ([output] site), the current folder's site/
    site_title: str = default("title")
    reports: Path = Path(default("reports"))
    #: ``[burden]``: the settings eagraph.toml states, by key (the defaults are in :data:`OPTIONS`)
    burden: dict[str, object] = field(default_factory=dict)
    source: Path | None = None  # the eagraph.toml it came from
    unknown_keys: tuple[str, ...] = field(default=())


def load_config(root: Path) -> Config:
    """Read ``root/eagraph.toml`` if present; a mistake in it is a ConfigError naming the line."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config(root=root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from None
    values: dict[str, object] = {}
    burden: dict[str, object] = {}
    known = {(o.section, o.key): o for o in OPTIONS}
    unknown: list[str] = []
    for section, table in data.items():
        if not isinstance(table, dict):
            unknown.append(section)
            continue
        for key, value in table.items():
            option = known.get((section, key))
            if option is None:
                unknown.append(f"{section}.{key}")
                continue
            value = _checked(path, option, value)
            if section == "burden":
                burden[key] = value
            else:
                values[key] = value
    for name in unknown:
        warnings.warn(f"{path}: unknown setting '{name}' is ignored", stacklevel=2)
    return Config(
        root=root,
        include=tuple(values.get("include", default("include"))),
        exclude=tuple(values.get("exclude", default("exclude"))),
        languages=tuple(values.get("languages", default("languages"))),
        base=str(values.get("base", default("base"))),
        shapes=tuple(root / s for s in values.get("shapes", default("shapes"))),
        suppress=tuple(values.get("suppress", default("suppress"))),
        site=Path(values["site"]) if "site" in values else None,
        site_title=str(values.get("title", default("title"))),
        reports=Path(str(values.get("reports", default("reports")))),
        burden=burden,
        source=path,
        unknown_keys=tuple(unknown),
    )


def _checked(path: Path, option: Option, value: object) -> object:
    """``value`` as ``option`` takes it (an integer for a number of euros too), else a ConfigError."""
    if option.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, option.type) or isinstance(value, bool) or (
        option.type is list and option.key != "suppress" and not all(isinstance(v, str) for v in value)
    ):
        kind = {list: "a list of strings", float: "a number"}.get(option.type, "a string")
        raise ConfigError(f"{path}: [{option.section}] {option.key} must be {kind}, not {value!r}")
    if option.type is float and not 0 <= value < float("inf"):
        raise ConfigError(f"{path}: [{option.section}] {option.key} must be a number of euros, 0 or more, "
                          f"not {value!r}")
    return value
