"""`eagraph init` as a newcomer meets it: a repository of its own whose merge driver is configured
there only, CI files that install the eagraph that wrote them (never `pip install eagraph`, which no
index serves), and a starter model that can be loaded beside real data."""

from __future__ import annotations

import shutil

import yaml

from eagraph.gittools import install_source, repository
from eagraph.gittools.install_source import requirement_from_record
from helpers import MODELS, git, write

CI_FILES = (".github/workflows/eagraph.yml", ".gitlab-ci.yml")


def config(folder, key) -> str:
    return git(folder, "config", "--local", "--default", "", key).strip()


def test_init_inside_a_clone_makes_a_repository_of_its_own(run, tmp_path):
    clone = tmp_path / "clone"
    write(clone, "README.md", "someone else's project\n")
    git(clone, "init", "-q")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "start")
    result = run("init", clone / "my-model")
    assert result.exit_code == 0, result.output
    assert (clone / "my-model/.git").is_dir()
    assert git(clone / "my-model", "rev-parse", "--show-toplevel").strip() == str((clone / "my-model").resolve())
    assert config(clone / "my-model", "merge.eagraph.driver") == "eagraph merge-driver %O %A %B %P"
    assert config(clone, "merge.eagraph.driver") == ""  # the clone's configuration is untouched
    assert f"initialised a new git repository in {clone / 'my-model'} (inside the repository at" in result.stderr


def test_init_refuses_a_folder_the_enclosing_repository_tracks(run, tmp_path):
    clone = tmp_path / "clone"
    write(clone, "models/a.ttl", "")
    git(clone, "init", "-q")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "start")
    result = run("init", clone / "models")
    assert result.exit_code == 2
    assert f"{clone / 'models'}: part of the git repository at {clone.resolve()}" in result.stderr
    assert sorted(p.name for p in (clone / "models").iterdir()) == ["a.ttl"]  # nothing written
    assert config(clone, "merge.eagraph.driver") == ""


def test_init_of_a_new_folder_outside_git_makes_the_repository(run, tmp_path):
    result = run("init", tmp_path / "fresh")
    assert result.exit_code == 0, result.output
    assert config(tmp_path / "fresh", "merge.eagraph.driver") == "eagraph merge-driver %O %A %B %P"


def test_ci_files_install_the_eagraph_that_wrote_them(run, tmp_path, monkeypatch):
    monkeypatch.setattr(repository, "install_requirement", lambda: "git+https://git.example.org/eagraph.git@0123abc")
    assert run("init", tmp_path / "m").exit_code == 0
    github = yaml.safe_load((tmp_path / "m" / CI_FILES[0]).read_text())
    assert github["env"]["EAGRAPH_INSTALL"] == \
        "${{ vars.EAGRAPH_INSTALL || 'git+https://git.example.org/eagraph.git@0123abc' }}"
    gitlab = yaml.safe_load((tmp_path / "m" / CI_FILES[1]).read_text())
    assert gitlab["variables"]["EAGRAPH_INSTALL"] == "git+https://git.example.org/eagraph.git@0123abc"
    for name in CI_FILES:
        text = (tmp_path / "m" / name).read_text()
        assert 'pip install "${EAGRAPH_INSTALL:?' in text and "pip install eagraph" not in text


def test_ci_files_without_a_known_source_stop_with_a_message(run, tmp_path, monkeypatch):
    monkeypatch.setattr(repository, "install_requirement", lambda: None)
    result = run("init", tmp_path / "m")
    assert "set the CI variable EAGRAPH_INSTALL" in result.stderr
    gitlab = yaml.safe_load((tmp_path / "m" / CI_FILES[1]).read_text())
    assert gitlab["variables"]["EAGRAPH_INSTALL"] == ""
    assert any("${EAGRAPH_INSTALL:?set EAGRAPH_INSTALL" in line for line in gitlab["before_script"])


def test_install_requirement_from_the_installation_record(tmp_path):
    git_record = {"url": "https://user:secret@git.example.org/eagraph.git",
                  "vcs_info": {"vcs": "git", "commit_id": "0123abc", "requested_revision": "main"}}
    assert requirement_from_record(git_record) == "git+https://git.example.org/eagraph.git@0123abc"  # no secret
    assert requirement_from_record({"url": "http://git.example.org/e.git", "vcs_info": {
        "vcs": "git", "commit_id": "1"}}) is None  # only https
    assert requirement_from_record({"url": "https://files.example.org/eagraph-0.1.0-py3-none-any.whl",
                                    "archive_info": {}}) == "https://files.example.org/eagraph-0.1.0-py3-none-any.whl"
    assert requirement_from_record({"url": "https://x.example/a\"; rm -rf ~", "archive_info": {}}) is None
    clone = tmp_path / "clone"
    write(clone, "README.md", "eagraph\n")
    git(clone, "init", "-q")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "start")
    local = {"url": clone.as_uri(), "dir_info": {"editable": True}}
    assert requirement_from_record(local) is None  # a clone without an https origin: nothing to give
    git(clone, "remote", "add", "origin", "https://token@git.example.org/eagraph.git")
    commit = git(clone, "rev-parse", "HEAD").strip()
    assert requirement_from_record(local) == f"git+https://git.example.org/eagraph.git@{commit}"


def test_install_requirement_of_a_release_from_an_index(monkeypatch):
    """No installation record: it came from a package index, so CI gets the same version from it."""
    class Release:
        version = "0.3.1"

        def read_text(self, name):
            return None

    monkeypatch.setattr(install_source, "distributions", lambda name: [Release()])
    assert install_source.install_requirement() == "eagraph==0.3.1"


def test_starter_model_does_not_collide_with_real_authorities(run, tmp_path):
    """Loaded beside FPS Finance (a real authority of the example model), no EAG035."""
    assert run("init", tmp_path / "m").exit_code == 0
    shutil.copy(MODELS / "authorities" / "fin.ttl", tmp_path / "m" / "model" / "fin.ttl")
    from eagraph.validators.validate import validate
    from eagraph.workspace import load

    findings = validate(load(tmp_path / "m")).findings
    assert [f for f in findings if f.code == "EAG035"] == []
    starter = (tmp_path / "m" / "model" / "starter.ttl").read_text()
    assert '"0000000097"' in starter
