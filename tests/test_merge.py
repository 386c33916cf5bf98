"""The merge driver with real git: edits that collide as lines but not as statements merge; a real
conflict stops git, reads well, and keeps both sides."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eagraph.gittools.fmt import same_graph
from eagraph.gittools.merge import merge_texts
from eagraph.workspace.turtle import parse_turtle
from helpers import git, write

BASE = """@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/> .

# The tax return.
ex:tax dct:title "Belastingaangifte"@nl , "Déclaration fiscale"@fr ;
    dct:description "Aangifte."@nl ;
    ex:channel [ ex:kind ex:Online ] .

ex:permit dct:title "Vergunning"@nl .
"""


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "repo"
    write(root, "model.ttl", BASE)
    write(root, ".gitattributes", "*.ttl merge=eagraph\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "merge.eagraph.driver", f"{sys.executable} -m eagraph merge-driver %O %A %B %P")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def branch_edit(root, name: str, old: str, new: str) -> None:
    git(root, "checkout", "-q", "-b", name, "main")
    path = root / "model.ttl"
    path.write_text(path.read_text().replace(old, new), encoding="utf-8")
    git(root, "commit", "-qam", name)


def merge(root, branch: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), "merge", "-q", "--no-edit", branch], capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin"})


def statements(text: str) -> set[str]:
    return set(parse_turtle(text, "file:///model.ttl").statements)


def test_edits_on_neighbouring_lines_merge_on_statements(repository):
    branch_edit(repository, "title", '"Belastingaangifte"@nl', '"Aangifte personenbelasting"@nl')
    branch_edit(repository, "description", '"Aangifte."@nl ;', '"Aangifte."@nl , "Déclaration."@fr ;')
    git(repository, "checkout", "-q", "title")
    done = merge(repository, "description")
    assert done.returncode == 0, done.stderr  # a line merge would conflict: these lines touch
    merged = (repository / "model.ttl").read_text()
    assert '"Aangifte personenbelasting"@nl' in merged and '"Déclaration."@fr' in merged
    assert "Belastingaangifte" not in merged
    assert "# The tax return." in merged  # the comment is kept
    expected = BASE.replace('"Belastingaangifte"@nl', '"Aangifte personenbelasting"@nl').replace(
        '"Aangifte."@nl ;', '"Aangifte."@nl , "Déclaration."@fr ;')
    assert same_graph(expected, merged, "file:///model.ttl")


def test_a_real_conflict_stops_git_and_keeps_both_sides(repository):
    branch_edit(repository, "ours", '"Vergunning"@nl', '"Omgevingsvergunning"@nl')
    branch_edit(repository, "theirs", '"Vergunning"@nl', '"Bouwvergunning"@nl')
    git(repository, "checkout", "-q", "ours")
    done = merge(repository, "theirs")
    assert done.returncode != 0 and "CONFLICT" in done.stdout + done.stderr
    text = (repository / "model.ttl").read_text()
    ours, theirs = text.index("<<<<<<< ours"), text.index(">>>>>>> theirs")
    conflict = text[ours:theirs]
    assert '"Omgevingsvergunning"@nl' in conflict and '"Bouwvergunning"@nl' in conflict
    assert "both sides changed this value" in text
    merged_part = text[:text.index("# eagraph merge-driver: conflicts")]
    assert '"Belastingaangifte"@nl' in merged_part  # what did not collide is merged as usual
    # Resolving is keeping one side: the file then parses.
    resolved = text[:ours] + conflict.split("=======")[1].strip() + "\n"
    resolved = resolved.replace("<<<<<<< ours", "")
    assert '"Bouwvergunning"@nl' in " ".join(statements(resolved))


def test_deleting_what_the_other_side_changed_is_a_conflict():
    ours = BASE.replace('ex:permit dct:title "Vergunning"@nl .\n', "")
    theirs = BASE.replace('ex:permit dct:title "Vergunning"@nl .', 'ex:permit dct:title "Vergunning"@nl ; ex:fee 50 .')
    result = merge_texts(BASE, ours, theirs, "model.ttl")
    assert [c.why for c in result.conflicts] == ["we deleted this subject, they changed it"]
    assert "ex:fee 50" in result.text.split("=======")[1]  # their change is kept, for a person to decide


def test_deleting_a_statement_the_other_side_changed_is_a_conflict(repository):
    """A change does not silently win over a deletion of the same statement: git stops, both
    sides are between the markers, as the driver's help says."""
    branch_edit(repository, "ours", '    dct:description "Aangifte."@nl ;\n', "")
    branch_edit(repository, "theirs", '"Aangifte."@nl', '"Aangifte van de inkomsten."@nl')
    git(repository, "checkout", "-q", "ours")
    done = merge(repository, "theirs")
    assert done.returncode != 0 and "CONFLICT" in done.stdout + done.stderr
    text = (repository / "model.ttl").read_text()
    assert "we deleted this value, they changed it" in text
    conflict = text[text.index("<<<<<<< ours"):text.index(">>>>>>> theirs")]
    ours, theirs = conflict.split("=======")
    assert "deleted on our side" in ours and '"Aangifte van de inkomsten."@nl' in theirs
    merged_part = text[:text.index("# eagraph merge-driver: conflicts")]
    assert "Aangifte van de inkomsten" not in merged_part and '"Belastingaangifte"@nl' in merged_part


def test_deleting_a_value_and_adding_another_merge_cleanly():
    """Only a change of the deleted statement collides: an addition beside it merges."""
    ours = BASE.replace('"Belastingaangifte"@nl , ', "")
    theirs = BASE.replace('"Vergunning"@nl .', '"Vergunning"@nl , "Permis"@fr .')
    result = merge_texts(BASE, ours, theirs, "model.ttl")
    assert not result.conflicts
    assert same_graph(ours.replace('"Vergunning"@nl .', '"Vergunning"@nl , "Permis"@fr .'), result.text,
                      "file:///model.ttl")
    both_deleted = merge_texts(BASE, ours, ours, "model.ttl")
    assert not both_deleted.conflicts and "Belastingaangifte" not in both_deleted.text


def test_no_statement_is_lost_and_blank_node_changes_merge():
    ours = BASE.replace("ex:Online", "ex:Phone")  # a change inside a blank node
    theirs = BASE.replace('ex:permit dct:title "Vergunning"@nl .', 'ex:permit dct:title "Vergunning"@nl , "Permis"@fr .')
    result = merge_texts(BASE, ours, theirs, "model.ttl")
    assert not result.conflicts
    expected = BASE.replace("ex:Online", "ex:Phone").replace('"Vergunning"@nl .', '"Vergunning"@nl , "Permis"@fr .')
    assert same_graph(expected, result.text, "file:///model.ttl")


def test_init_writes_the_repository_files_and_configures_git(run, tmp_path):
    git(tmp_path, "init", "-q")
    result = run("init", tmp_path)
    assert result.exit_code == 0, result.output
    for name in ("eagraph.toml", "model/starter.ttl", ".gitattributes", ".pre-commit-config.yaml",
                 ".github/workflows/eagraph.yml", ".gitlab-ci.yml"):
        assert (tmp_path / name).is_file(), name
    assert "*.ttl merge=eagraph" in (tmp_path / ".gitattributes").read_text()
    assert git(tmp_path, "config", "merge.eagraph.driver").strip() == "eagraph merge-driver %O %A %B %P"
    assert run("validate", tmp_path).exit_code == 0  # the starter model is valid
    assert run("fmt", tmp_path, "--check").exit_code == 0  # and already formatted
    again = run("init", tmp_path)
    assert again.exit_code == 0 and "wrote" not in again.output  # nothing overwritten


def test_init_never_writes_through_a_dangling_link(run, tmp_path):
    """A clone whose .gitattributes is a link to a file that does not exist yet (elsewhere) keeps it."""
    repo, outside = tmp_path / "repo", tmp_path / "outside" / "profile"
    repo.mkdir()
    (repo / ".gitattributes").symlink_to(outside)
    assert run("init", repo).exit_code == 0
    assert not outside.exists() and (repo / ".gitattributes").is_symlink()
    assert (repo / "eagraph.toml").is_file()
