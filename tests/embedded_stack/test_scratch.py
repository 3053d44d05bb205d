"""Where the embedded stacks' clusters live: in memory where the machine has it."""
import os

from embedded_stack import postgres


def test_chosen_by_the_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("SUITE_SCRATCH_DIR", str(tmp_path))
    assert postgres.scratch() == str(tmp_path)


def test_memory_where_the_machine_has_it_else_the_temp_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SUITE_SCRATCH_DIR", raising=False)
    expected = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK | os.X_OK) else None
    assert postgres.scratch() == (expected or postgres.tempfile.gettempdir())


def test_a_cluster_starts_there(monkeypatch, tmp_path):
    monkeypatch.delenv("SUITE_SCRATCH_DIR", raising=False)
    pg = postgres.EmbeddedPostgres().init()
    try:
        assert str(pg.root).startswith(postgres.scratch())
    finally:
        pg.destroy()
