"""A throwaway PostgreSQL 16 cluster from the pgserver wheel's binaries.

We start the binaries ourselves (not pgserver.get_server) so that we choose the
options: TCP on loopback with a free port (the service and the suite use ordinary
URLs), max_connections for 100+ simultaneous callers, and a real stop/start (and a
hard kill) for the database-outage scenarios.
Durability: `synchronous_commit=on`, so every commit the service acknowledged survives a
crash of PostgreSQL itself (the crash scenario kills it right after acknowledged commits);
`fsync=off` stays, since the machine never crashes under a test run and the WAL the server
wrote is in the OS's page cache.
As root, initdb refuses to run, so the cluster belongs to an OS user `pgserver`
(the same user the pgserver package creates for itself).
"""
from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import warnings

with warnings.catch_warnings():  # pgserver's import asks for XDG_RUNTIME_DIR, which we never use
    warnings.simplefilter("ignore")
    from pgserver._commands import POSTGRES_BIN_PATH

OS_USER = "pgserver"
SUPERUSER = "postgres"
START_TIMEOUT_S = 15


def scratch() -> str:
    """Where throwaway clusters (and their template) and stacks live: in memory (/dev/shm)
    where the machine has it, else the temp folder (SUITE_SCRATCH_DIR chooses). A cluster is
    38 MB in a thousand files: copied onto this machine's disk it cost 1.3 s of CPU (mostly
    the kernel's), onto /dev/shm 0.07 s; and every write the run makes is cheaper there. A
    crash of PostgreSQL keeps what it wrote either way (fsync is off on both)."""
    chosen = os.environ.get("SUITE_SCRATCH_DIR")
    if chosen:
        return chosen
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else tempfile.gettempdir()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _prepare_for_os_user(folder: Path) -> dict:
    """As root: hand the folder to the `pgserver` user, make the binaries reachable."""
    import pwd
    import stat

    from pgserver.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(OS_USER)
    ensure_prefix_permissions(folder)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    read = stat.S_IRGRP | stat.S_IROTH
    ensure_folder_permissions(POSTGRES_BIN_PATH, read | stat.S_IXGRP | stat.S_IXOTH)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", read)
    entry = pwd.getpwnam(OS_USER)
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return {"user": OS_USER}


INITDB_OPTIONS = ("-U", SUPERUSER, "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-sync")


def _template() -> Path:
    """The cluster every embedded PostgreSQL starts as, made once per machine (and per
    binaries and options) in the scratch folder. Its clusters share its superuser password (kept
    beside it, readable by its owner only): throwaway clusters on loopback, each on its own port."""
    key = hashlib.sha256(f"{POSTGRES_BIN_PATH}|{INITDB_OPTIONS}|{os.geteuid()}".encode()).hexdigest()[:12]
    final = Path(scratch()) / f"clinic-pg-template-{key}"
    if (final / "password").exists():
        return final
    building = Path(tempfile.mkdtemp(prefix="clinic-pg-template-building-", dir=scratch()))
    password = secrets.token_urlsafe(18)
    (building / "pw").write_text(password)
    (building / "data").mkdir()
    run_as = _prepare_for_os_user(building) if _running_as_root() else {}
    done = subprocess.run([str(POSTGRES_BIN_PATH / "initdb"), "-D", str(building / "data"), "--pwfile",
                           str(building / "pw"), *INITDB_OPTIONS], capture_output=True, text=True, timeout=60, **run_as)
    if done.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        raise RuntimeError(f"initdb failed ({done.returncode}): {done.stderr.strip()}")
    (building / "pw").unlink()
    secret = building / "password"
    secret.write_text(password)
    secret.chmod(0o600)
    try:
        building.rename(final)  # atomic: of several processes making it at once, one wins
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
    return final


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie (nobody may reap a daemon here)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@dataclass
class EmbeddedPostgres:
    """Start with `start()`, stop with `stop()`, remove everything with `destroy()`."""

    max_connections: int = 400
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    root: Path | None = None

    def __post_init__(self) -> None:
        self._run_as: dict = {}

    @property
    def pgdata(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "postgres.log"

    def url(self, user: str = SUPERUSER, password: str | None = None, database: str = "postgres") -> str:
        secret = self.password if password is None else password
        return f"postgresql://{user}:{secret}@127.0.0.1:{self.port}/{database}"

    def _run(self, binary: str, *args: str, timeout: float = START_TIMEOUT_S) -> None:
        cmd = [str(POSTGRES_BIN_PATH / binary), *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **self._run_as)
        if done.returncode != 0:
            log = self.log_file.read_text()[-2000:] if self.log_file.exists() else ""
            raise RuntimeError(f"{binary} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    def init(self) -> "EmbeddedPostgres":
        """A fresh cluster: a copy of this machine's template cluster (initdb once, then ~0.1 s a
        copy instead of initdb's second of CPU and writes: the breakage catalogue starts dozens)."""
        template = _template()
        self.root = Path(tempfile.mkdtemp(prefix="clinic-pg-", dir=scratch()))
        shutil.copytree(template / "data", self.pgdata, symlinks=True)
        self.password = (template / "password").read_text()
        if _running_as_root():
            self._run_as = _prepare_for_os_user(self.root)
        return self

    def start(self) -> "EmbeddedPostgres":
        if self.root is None:
            self.init()
        options = " ".join([
            "-c listen_addresses=127.0.0.1", f"-p {self.port}", f"-k {self.root}",
            f"-c max_connections={self.max_connections}",
            "-c fsync=off", "-c synchronous_commit=on", "-c full_page_writes=off",
            "-c shared_buffers=128MB", "-c log_min_messages=warning",
        ])
        self._run("pg_ctl", "-D", str(self.pgdata), "-l", str(self.log_file), "-o", options, "-w",
                  "-t", str(START_TIMEOUT_S), "start", timeout=START_TIMEOUT_S + 5)
        return self

    def stop(self) -> None:
        if self.root is None or not (self.pgdata / "postmaster.pid").exists():
            return
        if not _alive(int((self.pgdata / "postmaster.pid").read_text().split()[0])):
            return  # killed and not restarted: only its stale pid file is left
        self._run("pg_ctl", "-D", str(self.pgdata), "-m", "fast", "-w", "stop")

    def kill(self) -> None:
        """A crash: SIGKILL to the postmaster, no shutdown checkpoint, postmaster.pid left behind.
        Returns once the postmaster is gone (its backends notice and exit by themselves)."""
        pid = int((self.pgdata / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.01)

    def restart_after_crash(self) -> None:
        """Start again as an operator would after a crash: the stale postmaster.pid stays, and a
        start that finds the old server's last backends still leaving is simply tried again."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                self.start()
                return
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def is_running(self) -> bool:
        """Its postmaster is alive (a crash leaves a stale postmaster.pid behind: not running)."""
        pid_file = self.pgdata / "postmaster.pid" if self.root is not None else None
        try:
            return pid_file is not None and _alive(int(pid_file.read_text().split()[0]))
        except (OSError, ValueError, IndexError):
            return False

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            if self.root is not None:
                shutil.rmtree(self.root, ignore_errors=True)
                self.root = None


if __name__ == "__main__":  # quick manual check: python -m embedded_stack.postgres
    started = time.monotonic()
    pg = EmbeddedPostgres().start()
    print(f"ready in {time.monotonic() - started:.2f}s at port {pg.port}")
    pg.destroy()
