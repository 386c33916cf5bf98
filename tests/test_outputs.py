"""`eagraph site build` replaces only a folder it wrote: never the model, its repository or a parent
of either, never a folder of someone's files, and never a folder outside the working tree because a
pull request's eagraph.toml said so."""

from __future__ import annotations

import pytest

from eagraph.workspace.outputs import MARKER, OutputFolderError, check_output_folder

from helpers import PREFIXES, git, write

MODEL = PREFIXES + 'ex:s a cpsv:PublicService ; dct:title "Dienst"@nl, "Service"@fr .\n'


@pytest.fixture
def repository(tmp_path):
    """A committed model in ``repo/models``, with a README beside it."""
    repo = tmp_path / "repo"
    write(repo, "models/fin.ttl", MODEL)
    write(repo, "README.md", "# the model\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "model")
    return repo


def everything(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("out", [".", "..", "../..", "/"])
def test_out_naming_the_model_its_repository_or_a_parent_is_refused(run, repository, monkeypatch, out):
    monkeypatch.chdir(repository / "models")
    before = everything(repository)
    result = run("site", "build", ".", "--out", out, "--trend", "0")
    assert result.exit_code == 2
    assert "the model folder" in result.stderr or "the model's repository" in result.stderr
    assert "nothing was written or removed" in result.stderr and "Traceback" not in result.output
    assert everything(repository) == before


def test_a_pull_requests_config_cannot_point_the_site_at_the_repository(run, repository):
    write(repository, "models/eagraph.toml", '[output]\nsite = ".."\n')
    before = everything(repository)
    result = run("site", "build", repository / "models", "--trend", "0")
    assert result.exit_code == 2
    assert "eagraph.toml: [output] site = '..'" in result.stderr and "holds the model folder" in result.stderr
    assert everything(repository) == before


def test_a_configured_site_outside_the_working_tree_is_refused_but_out_may_go_there(repository, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    config = repository / "models" / "eagraph.toml"
    with pytest.raises(OutputFolderError, match="outside the model's working tree"):
        check_output_folder(repository / "models" / "../../elsewhere", repository / "models", configured_in=config)
    assert check_output_folder(elsewhere, repository / "models") == elsewhere.resolve()
    link = repository / "models" / "site"
    link.symlink_to(elsewhere, target_is_directory=True)  # a committed link leading out of the tree
    with pytest.raises(OutputFolderError, match="outside the model's working tree"):
        check_output_folder(link, repository / "models", configured_in=config)
    with pytest.raises(OutputFolderError, match="inside the repository's .git folder"):
        check_output_folder(repository / ".git" / "site", repository / "models", configured_in=config)


def test_a_folder_of_someone_elses_files_is_refused_and_kept(run, repository, tmp_path):
    docs = write(tmp_path, "docs/notes.txt", "mine\n").parent
    result = run("site", "build", repository / "models", "--out", docs, "--trend", "0")
    assert result.exit_code == 2
    assert "holds files eagraph did not write" in result.stderr
    assert everything(docs) == ["notes.txt"]
    other_repo = tmp_path / "other"
    (other_repo / ".git").mkdir(parents=True)
    write(other_repo, MARKER, "")
    with pytest.raises(OutputFolderError, match="is a git repository"):
        check_output_folder(other_repo, repository / "models")


def test_an_earlier_site_or_an_empty_folder_may_be_replaced(repository, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert check_output_folder(empty, repository / "models") == empty.resolve()
    earlier = write(tmp_path, f"public/{MARKER}", "").parent
    write(earlier, "nl/index.html", "old site")
    assert check_output_folder(earlier, repository / "models") == earlier.resolve()
    assert check_output_folder(tmp_path / "new", repository / "models") == (tmp_path / "new").resolve()


def test_the_default_site_goes_to_the_current_folder_and_carries_the_marker(run, repository, monkeypatch):
    """One real build (one language, no trend): site/ beside the model, not inside it; the next
    build recognises its own folder by the marker."""
    monkeypatch.chdir(repository)
    result = run("site", "build", "models", "--language", "nl", "--trend", "0")
    assert result.exit_code == 0, result.output
    assert (repository / "site" / MARKER).is_file() and (repository / "site" / "nl" / "index.html").is_file()
    assert not (repository / "models" / "site").exists()
    assert check_output_folder(repository / "site", repository / "models") == repository / "site"
