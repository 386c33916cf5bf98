"""The server's settings as an editor gives them: ``initializationOptions`` and
``workspace/didChangeConfiguration``, on top of the command line's.

Editors keep a language server's settings in their own configuration (VS Code's settings.json,
Neovim's ``init_options`` and ``settings``) and send them as JSON; the keys are the command line's
options: ``shapes``, ``profiles``, ``baseline``, ``language`` and ``debounce`` (milliseconds). A
key the editor gives replaces the value in force; one it leaves out keeps it (editors send partial
and empty settings); one it gives as ``null`` (a setting the architect unset) is the command line's again.

Settings may come from a repository's own editor configuration (a ``.vscode/settings.json`` in a
pull request), so every value is checked before it counts: a wrong one is refused with a message
naming the setting and what is wrong, and the settings in force stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from eagraph.findings import MESSAGE_LANGUAGES
from eagraph.validators.profiles import PROFILES
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace import EagraphError

#: The section of an editor's configuration the settings are in (``{"eagraph": {...}}``).
SECTION = "eagraph"
#: What the editor may set, and what the command line calls it.
KEYS = ("shapes", "profiles", "baseline", "language", "debounce")
#: The longest pause the server waits for (milliseconds), as ``--debounce`` allows.
MAX_DEBOUNCE = 10000


class SettingsError(EagraphError):
    """A setting the editor gave that the server cannot use."""


@dataclass(frozen=True)
class Settings:
    """What changes the server's answers: what it checks, the messages' language, the pause it waits."""

    options: ValidationOptions = ValidationOptions()
    language: str = MESSAGE_LANGUAGES[0]
    debounce: float = 0.150  # seconds


def editor_settings(given: object, current: Settings, command_line: Settings,
                    folder: Path) -> tuple[Settings, list[str]]:
    """``current`` with the values the editor ``given`` (the object itself or under ``"eagraph"``;
    a ``null`` value: ``command_line``'s), and the keys it gave that the server does not know (said
    to the architect, not an error: an editor may send its own). Paths are read relative to
    ``folder``, the model's folder.

    Raises :class:`SettingsError` naming the first wrong value; nothing of ``given`` counts then."""
    if given is None:
        return current, []
    if isinstance(given, dict) and SECTION in given:
        given = given[SECTION]
    if not isinstance(given, dict):
        raise SettingsError(f"eagraph settings: expected an object with {', '.join(KEYS)}, got {_shown(given)}")
    unset = [key for key in KEYS if key in given and given[key] is None]
    if unset:
        current = _unset(current, command_line, unset)
        given = {key: value for key, value in given.items() if value is not None}
    options, language, debounce = current.options, current.language, current.debounce
    if "shapes" in given:
        options = replace(options, extra_shapes=tuple(_path(folder, p, "shapes") for p in _strings(given, "shapes")))
    if "profiles" in given:
        profiles = _strings(given, "profiles")
        unknown = [name for name in profiles if name not in PROFILES]
        if unknown:
            raise SettingsError(f"eagraph setting 'profiles': unknown profile {unknown[0]!r} "
                                f"(known: {', '.join(PROFILES)})")
        options = replace(options, profiles=profiles)
    if "baseline" in given:
        value = given["baseline"]
        if not isinstance(value, str) or not value:
            raise SettingsError(f"eagraph setting 'baseline': expected a file's path, got {_shown(value)}")
        options = replace(options, baseline=_path(folder, value, "baseline"))
    if "language" in given:
        language = given["language"]
        if language not in MESSAGE_LANGUAGES:
            raise SettingsError(f"eagraph setting 'language': expected one of {', '.join(MESSAGE_LANGUAGES)}, "
                                f"got {_shown(language)}")
    if "debounce" in given:
        value = given["debounce"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_DEBOUNCE:
            raise SettingsError(f"eagraph setting 'debounce': expected milliseconds from 0 to {MAX_DEBOUNCE}, "
                                f"got {_shown(value)}")
        debounce = value / 1000
    return Settings(options, language, debounce), sorted(str(key) for key in given if key not in KEYS)


def _unset(current: Settings, command_line: Settings, keys: list[str]) -> Settings:
    """``current`` with the command line's values of ``keys``."""
    fields = {"shapes": "extra_shapes", "profiles": "profiles", "baseline": "baseline"}
    options = replace(current.options, **{fields[key]: getattr(command_line.options, fields[key])
                                          for key in keys if key in fields})
    return Settings(options, command_line.language if "language" in keys else current.language,
                    command_line.debounce if "debounce" in keys else current.debounce)


def _strings(given: dict, key: str) -> tuple[str, ...]:
    """A setting that is a list of strings (one string alone counts as a list of one)."""
    value = given[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise SettingsError(f"eagraph setting {key!r}: expected a list of strings, got {_shown(value)}")
    return tuple(value)


def _path(folder: Path, value: str, key: str) -> Path:
    if "\0" in value:
        raise SettingsError(f"eagraph setting {key!r}: {_shown(value)} is not a path")
    return folder / Path(value).expanduser()


def _shown(value: object) -> str:
    """A value as the message quotes it, cut short: it comes from a file nobody here wrote."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
