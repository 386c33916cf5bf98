"""``eagraph.toml``: which files make the model, which languages every label needs, and more.

The configuration is a declared schema: each key has a type, a default and a docstring, so
the manual's configuration page and the warnings about unknown keys come from one table.
"""

from __future__ import annotations

import datetime
import math
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
    table_array: bool = False  # a key of each ``[[section]]`` table, not of one ``[section]``


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
    Option("targets", "metric", str, None,
           "What a target measures (one `[[targets]]` table per target): `automatic_share`, `online_share`, "
           "`only_once_violations`, `burden_hours`, `sparql`, … (see [Targets](targets.md)).", True),
    Option("targets", "value", float, None, "The value the metric is to reach (a number; a share is 0..1).", True),
    Option("targets", "date", datetime.date, None, "The day it is to be reached by: `2040-01-01`.", True),
    Option("targets", "query", str, "",
           "For `metric = \"sparql\"`: a SELECT query on the model whose answer is one number (no update).", True),
    Option("targets", "name", str, "", "What the target is called in reports; empty means the metric's name.", True),
    Option("targets", "better", str, "",
           "`higher` or `lower`: which way the metric improves; empty means the metric's own way (a share: "
           "higher; violations, burden: lower), for `sparql` the target's value against today's.", True),
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
    targets_table: object = None  # [[targets]] as written (None: none), checked by read_targets when a command needs it


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
        if section == "targets":
            continue
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
        targets_table=data.get("targets"),
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


@dataclass(frozen=True)
class Target:
    """One ``[[targets]]`` table: a metric, the value it is to reach and by when."""

    metric: str
    value: float
    date: datetime.date
    name: str = ""
    query: str = ""  # metric "sparql" only
    better: str = ""  # "higher", "lower", or "": the metric's own way
    number: int = 1  # its place among the [[targets]] tables, from 1, for messages

    @property
    def title(self) -> str:
        return self.name or self.metric


def read_targets(config: Config) -> tuple[Target, ...]:
    """The targets of ``eagraph.toml``, checked: each mistake is a ConfigError naming the file, the
    table and the key. Read when a command needs them, not on every load: a model's history may hold
    an eagraph.toml whose targets were wrong then, and ``trend`` must still read that commit."""
    from eagraph.analyses.metrics import METRICS

    where = str(config.source or CONFIG_FILE)
    tables = [] if config.targets_table is None else config.targets_table
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"{where}: targets must be tables written [[targets]], not {_shown(tables)}")
    keys = {o.key: o for o in OPTIONS if o.section == "targets"}
    targets = []
    for number, table in enumerate(tables, 1):
        at = f"{where}: [[targets]] #{number}"
        for key in table:
            if key not in keys:
                raise ConfigError(f"{at}: unknown key '{key}' (a target has {', '.join(keys)})")
        for key in ("metric", "value", "date"):
            if key not in table:
                raise ConfigError(f"{at}: '{key}' is missing")
        metric = _string(table, "metric", at)
        if metric not in METRICS:
            raise ConfigError(f"{at}: metric '{metric}' is unknown; the metrics are {', '.join(METRICS)}")
        query = _string(table, "query", at)
        if metric == "sparql":
            if not query.strip():
                raise ConfigError(f"{at}: metric 'sparql' needs a 'query' (a SELECT that returns one number)")
            from .querying import check_query

            check_query(query, f"{at} query")
        elif query:
            raise ConfigError(f"{at}: 'query' is for metric 'sparql' only, not '{metric}'")
        better = _string(table, "better", at)
        if better not in ("", "higher", "lower"):
            raise ConfigError(f"{at}: better must be \"higher\" or \"lower\", not {_shown(better)}")
        targets.append(Target(metric, _number(table, at), _date(table, at), _string(table, "name", at), query,
                              better, number))
    return tuple(targets)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _string(table: dict, key: str, at: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{at}: {key} must be a string, not {_shown(value)}")
    return value


def _number(table: dict, at: str) -> float:
    value = table["value"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError(f"{at}: value must be a number, not {_shown(value)}")
    return float(value)


def _date(table: dict, at: str) -> datetime.date:
    """A TOML date (``2040-01-01``) or the same in a string; a time of day is not a target's business."""
    value = table["date"]
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise ConfigError(f"{at}: date must be a day written 2040-01-01, not {_shown(value)}")
    return value
