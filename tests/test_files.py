"""The one writer every command uses: it changes a file's text and nothing else about it, refuses
what it must not replace, says why without a traceback, and leaves no temporary file behind."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from eagraph.workspace.files import WriteError, write_atomic

from helpers import PREFIXES, write

ROOT = os.geteuid() == 0


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.sarif", "{}")
        os.umask(0o027)
        write_atomic(tmp_path / "other.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.sarif").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "other.txt").stat().st_mode) == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = write(tmp_path, "fin.ttl", "old\n")
    path.chmod(0o664)
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = write(tmp_path, "shared/fin.ttl", "old\n")
    link = tmp_path / "model" / "fin.ttl"
    link.parent.mkdir()
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new\n"
    assert leftovers(tmp_path / "model") == [] and leftovers(real.parent) == []


def test_a_hard_linked_file_is_refused_and_both_names_keep_their_text(tmp_path):
    path = write(tmp_path, "fin.ttl", "old\n")
    os.link(path, tmp_path / "copy.ttl")
    with pytest.raises(WriteError, match="fin.ttl: has 2 hard links"):
        write_atomic(path, "new\n")
    assert path.read_text() == (tmp_path / "copy.ttl").read_text() == "old\n"
    assert path.stat().st_ino == (tmp_path / "copy.ttl").stat().st_ino


def test_a_read_only_file_is_refused_unless_the_caller_says_so(tmp_path):
    """Decided on the mode bits, so that it holds for root too (root may write any file)."""
    path = write(tmp_path, "fin.ttl", "old\n")
    path.chmod(0o444)
    with pytest.raises(WriteError, match=r"fin.ttl: is read-only \(mode -r--r--r--\)"):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    write_atomic(path, "new\n", replace_read_only=True)
    assert path.read_text() == "new\n" and stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(not ROOT, reason="only root may give a file away")
def test_an_existing_file_keeps_its_owner_and_group(tmp_path):
    path = write(tmp_path, "fin.ttl", "old\n")
    os.chown(path, 12345, 23456)
    write_atomic(path, "new\n")
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 23456)


def test_an_unwritable_place_is_a_message_not_a_traceback(tmp_path):
    blocker = write(tmp_path, "reports", "a file where a folder should be\n")
    with pytest.raises(WriteError, match="out.sarif: cannot (write|create)"):
        write_atomic(blocker / "out.sarif", "{}")
    assert blocker.read_text() == "a file where a folder should be\n"


@pytest.mark.skipif(ROOT, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_a_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError, match="cannot write in the folder"):
            write_atomic(folder / "out.txt", "x")
    finally:
        folder.chmod(0o755)


def test_a_read_only_folder_through_the_cli_is_a_message(run, tmp_path, monkeypatch):
    """`eagraph fmt` on a read-only file: exit 2, the file named, the others still formatted."""
    model = tmp_path / "model"
    locked = write(model, "a.ttl", PREFIXES + "ex:b ex:p ex:o . ex:a ex:p ex:o .\n")
    other = write(model, "b.ttl", PREFIXES + "ex:d ex:p ex:o . ex:c ex:p ex:o .\n")
    locked.chmod(0o444)
    result = run("fmt", model)
    assert result.exit_code == 2
    assert "a.ttl:1: is read-only" in result.output and "Traceback" not in result.output
    assert locked.read_text().endswith("ex:b ex:p ex:o . ex:a ex:p ex:o .\n")
    assert other.read_text() != PREFIXES + "ex:d ex:p ex:o . ex:c ex:p ex:o .\n"


def test_a_stale_temporary_file_of_a_killed_run_is_removed_by_the_next_write(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    stale = write(tmp_path, f".fin.ttl.eagraph-{dead.pid}-0123abcd.tmp", "half")
    alive = write(tmp_path, f".fin.ttl.eagraph-{os.getpid()}-0123abcd.tmp", "someone writing")
    theirs = write(tmp_path, ".notes.tmp", "not ours")
    write_atomic(tmp_path / "fin.ttl", "new\n")
    assert not stale.exists()
    assert alive.exists() and theirs.exists()


def test_sigterm_during_a_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = write(tmp_path, "fin.ttl", "old\n")
    script = textwrap.dedent(f"""
        import os, sys, time
        from eagraph.workspace import files
        files.exit_on_sigterm()
        def slow_fsync(fd):
            print("writing", flush=True)
            time.sleep(20)
        os.fsync = slow_fsync
        files.write_atomic({str(path)!r}, "new\\n")
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        assert leftovers(tmp_path)  # the temporary file is there while it writes
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=15) == 128 + signal.SIGTERM
    finally:
        child.kill()
        child.wait(timeout=15)
    assert path.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def _eagraph_with(prelude: str, *args: str) -> subprocess.CompletedProcess:
    """``eagraph ARGS`` through its real entry point, after ``prelude`` (Python) ran in its process."""
    script = prelude + f"\nimport sys\nsys.argv = ['eagraph', *{list(args)!r}]\nfrom eagraph.cli.main import main\nmain()\n"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def test_the_command_ends_without_freeing_the_model_but_with_its_output_and_exit_handlers(tmp_path):
    """eagraph exits as soon as its work is done (workspace/files.py exit_at_once): its objects are
    not freed one by one (a 10,000-service store took 0.6 s), while the report, standard output and
    the exit handlers (temporary folders, worker processes) are all there, and the exit code too."""
    write(tmp_path / "model", "service.ttl", PREFIXES + '<https://example.org/s> a cpsv:PublicService .\n')
    prelude = textwrap.dedent("""
        import atexit
        class Model:
            def __del__(self):
                print("freed", flush=True)
        model = Model()
        atexit.register(lambda: print("exit handler ran"))
    """)
    done = _eagraph_with(prelude, "validate", str(tmp_path / "model"), "--format", "json")
    assert done.returncode == 1, done.stderr  # the service lacks a title: a finding
    report, _, rest = done.stdout.rpartition("}\n")
    assert '"code": "EAG' in report and rest == "exit handler ran\n"
    assert "freed" not in done.stdout
    assert _eagraph_with("", "validate", str(tmp_path / "missing")).returncode == 2


def test_a_program_with_threads_running_exits_as_usual_waiting_for_them(tmp_path):
    prelude = textwrap.dedent("""
        import threading, time
        threading.Thread(target=lambda: (time.sleep(2), print("thread done", flush=True))).start()
    """)
    done = _eagraph_with(prelude, "rule", "EAG003")
    assert done.returncode == 0 and "EAG003" in done.stdout and "thread done" in done.stdout


def test_under_a_profiler_the_command_exits_as_usual_so_that_the_profile_is_written(tmp_path):
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(tmp_path / "profile"), "-m", "eagraph",
                           "rule", "EAG003"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "EAG003" in done.stdout, done.stderr
    assert (tmp_path / "profile").stat().st_size > 0
