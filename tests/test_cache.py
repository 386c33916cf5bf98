"""The cache only ever costs or saves time: a damaged entry is a miss, an unwritable cache folder
means running without one (after one warning line), never a traceback."""

from __future__ import annotations

from eagraph.workspace.cache import ParseCache

from helpers import PREFIXES, write

MODEL = PREFIXES + 'ex:s a cpsv:PublicService ; dct:title "Dienst"@nl, "Service"@fr .\n'


def entries(folder, kind):
    return sorted(p for p in (folder / kind).rglob("*") if p.is_file())


def test_a_damaged_entry_is_a_miss_not_a_wrong_value(tmp_path):
    cache = ParseCache(tmp_path / "cache")
    cache.write("trend", "abcdef", {"services": 12})
    [entry] = entries(tmp_path / "cache", "trend")
    assert cache.read("trend", "abcdef") == {"services": 12}
    data = bytearray(entry.read_bytes())
    data[-2] ^= 0x01  # one bit of the payload: still a valid marshal value, but not the one written
    entry.write_bytes(bytes(data))
    assert cache.read("trend", "abcdef") is None
    entry.write_bytes(data[:7])  # truncated
    assert cache.read("trend", "abcdef") is None


def test_an_unwritable_cache_folder_means_no_cache_and_one_warning(run, tmp_path, monkeypatch):
    """A file where the cache folder should be stops even root, so this holds whoever runs it."""
    model = tmp_path / "model"
    write(model, "a.ttl", MODEL)
    blocked = write(tmp_path, "home/.cache", "not a folder\n")
    monkeypatch.delenv("EAGRAPH_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(blocked.parent))
    result = run("info", model)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if "cache folder" in line]
    assert len(warnings) == 1 and str(blocked / "eagraph") in warnings[0]
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "xdg"))
    assert run("validate", model).output.count("cannot be written") == 1
