"""Processes started by forking a server that has imported the third-party libraries once,
instead of a fresh interpreter importing them again (issue 20): a clinic system, an SMS stub,
a behave worker or a stack's owner then starts in a tenth of the CPU. Standard library only.

    with prefork.servers(["system", "suite"]) as env:   # the runner: servers for its run
        ... children started with `env` in their environment ...
    process = prefork.popen(["-m", "behave", ...], cwd=..., env=..., stdout=...)

`popen` takes the arguments after the interpreter (`-m module args...` only) and returns an
object that behaves as `subprocess.Popen` does for what this project asks of one (pid,
poll, wait with a timeout, returncode, send_signal, terminate, kill, stdout when PIPE). Where
no server runs for that module (PREFORK_DIR unset, a module no profile serves), it is a plain
`subprocess.Popen` of `sys.executable`; SUITE_PREFORK=0 starts none. `-m coverage run ... -m
clinic_system` forks too: coverage starts its tracer in the child, before the project is imported.

Only libraries are imported before the fork, never the project's own packages: the child
imports those from its own folder and path, as a fresh `python -m` would (a breakage's
patched copy gets its own code). The child is made as `python -m` makes a process: its
folder, its environment, `sys.path` from that folder and PYTHONPATH, its own standard streams
(the caller's files, passed over the socket), default signal handlers; at its end, threads
joined and atexit handlers run, as an interpreter's shutdown does. `random` reseeds itself in
a forked child (os.register_at_fork), and so do the libraries that care.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = "PREFORK_DIR"
# A profile: the modules it starts, and the libraries its server imports before forking.
PROFILES: dict[str, dict[str, list[str]]] = {
    # Not onnxruntime: its import starts a thread, which a fork would not carry (numpy's OpenBLAS
    # thread is fork-safe: it is stopped before a fork and started again after).
    "system": {  # the reference clinic system (or coverage running it) and the SMS stub
        "modules": ["clinic_system", "sms_stub", "coverage"],
        "preload": ["coverage", "coverage.cmdline", "fastapi", "fastapi.routing", "starlette.routing", "pydantic", "uvicorn", "uvicorn.main",
                    "uvicorn.loops.uvloop", "uvicorn.protocols.http.httptools_impl", "uvicorn.lifespan.on",
                    "uvloop", "httptools", "asyncpg", "aiohttp", "twilio.rest", "jinja2", "phonenumbers",
                    "cryptography.hazmat.primitives.ciphers.aead", "faker", "numpy",
                    "python_multipart", "httpx",
                    # What the service's start-up imports (the provider's client, the name lists of
                    # every locale): a second of each start otherwise (issue 20).
                    "twilio.rest.api.v2010", "twilio.http.async_http_client", "aiohttp_retry", "cryptography.fernet",
                    "cryptography.hazmat.primitives.hmac", "cryptography.hazmat.primitives.padding", "pydantic.v1",
                    "gzip", "faker.providers.person.*"],
    },
    "suite": {  # behave workers and a stack's owner (embedded_stack.serve)
        "modules": ["behave", "embedded_stack.serve"],
        "preload": ["behave.configuration", "behave.runner", "behave.formatter.progress", "behave.reporter.junit",
                    "allure_behave.formatter", "allure_commons", "httpx", "asyncpg", "hamcrest", "faker",
                    "jsonschema", "parse", "playwright.async_api", "psutil", "pgserver", "numpy", "aiohttp"],
    },
}
READY_TIMEOUT_S = 60
PIPE = subprocess.PIPE


def profile_for(module: str) -> str | None:
    return next((name for name, p in PROFILES.items() if module in p["modules"]), None)


def socket_path(folder: str | Path, profile: str) -> Path:
    return Path(folder) / f"{profile}.sock"


# ---------------------------------------------------------------- the caller's side

def popen(args: list[str], *, cwd, env: dict, stdin=None, stdout=None, stderr=None):
    """`sys.executable *args` as a child: forked from this run's server for the module, or a
    plain subprocess where none serves it."""
    module = args[1] if len(args) >= 2 and args[0] == "-m" else None
    profile = profile_for(module) if module else None
    folder = env.get(ENV)
    path = socket_path(folder, profile) if folder and profile else None
    if path is None or not path.exists():
        return subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                                stderr=stderr)
    try:
        return Forked(path, module, args[2:], cwd=cwd, env=env, stdin=stdin, stdout=stdout, stderr=stderr)
    except (ConnectionError, FileNotFoundError):  # the server is gone: start it the ordinary way
        return subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                                stderr=stderr)


def _fd(stream, default: int, opened: list[int]) -> int:
    if stream is None:
        return default
    if stream == subprocess.DEVNULL:
        fd = os.open(os.devnull, os.O_RDWR)
        opened.append(fd)
        return fd
    return stream if isinstance(stream, int) else stream.fileno()


class Forked:
    """A child of the fork server, as a Popen: its exit status comes back over the socket."""

    def __init__(self, path: Path, module: str, args: list[str], *, cwd, env, stdin, stdout, stderr):
        self.args = [sys.executable, "-m", module, *args]
        self.returncode: int | None = None
        self.stdout = None
        opened: list[int] = []
        try:
            if stdout == PIPE:
                read, write = os.pipe()
                self.stdout = os.fdopen(read, "r")
                opened.append(write)
                out = write
            else:
                out = _fd(stdout, 1, opened)
            err = out if stderr == subprocess.STDOUT else _fd(stderr, 2, opened)
            fds = [_fd(stdin, 0, opened), out, err]
            request = json.dumps({"module": module, "args": args, "cwd": str(cwd), "env": env}).encode()
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._sock.connect(str(path))
            header = len(request).to_bytes(8, "big")
            socket.send_fds(self._sock, [header], fds)
            self._sock.sendall(request)
        finally:
            for fd in opened:
                os.close(fd)
        self._buffer = b""
        self.pid = int(self._read_line()["pid"])

    def _read_line(self, timeout: float | None = None) -> dict:
        self._sock.settimeout(timeout)
        while b"\n" not in self._buffer:
            chunk = self._sock.recv(4096)
            if not chunk:
                raise ConnectionError("the fork server closed the connection")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def _finished(self, status: dict) -> int:
        self.returncode = int(status["returncode"])
        self._sock.close()
        return self.returncode

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                self._finished(self._read_line(timeout=0))
            except (BlockingIOError, socket.timeout, TimeoutError):
                return None
            except ConnectionError:  # the server died: the child's fate is unknown, it is not ours
                self.returncode = -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            try:
                self._finished(self._read_line(timeout=timeout))
            except (socket.timeout, TimeoutError):
                raise subprocess.TimeoutExpired(self.args, timeout) from None
            except ConnectionError:
                self.returncode = -signal.SIGKILL
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


@contextlib.contextmanager
def servers(profiles: list[str], env: dict | None = None):
    """A fork server per profile for the length of a run; yields the variables that point the
    run's children at them (nothing if one cannot start, or SUITE_PREFORK=0: children start the
    ordinary way)."""
    if (env or os.environ).get("SUITE_PREFORK") == "0":
        yield {}
        return
    folder = Path(tempfile.mkdtemp(prefix="prefork-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK)
                                   else None))
    base = {k: v for k, v in (env or os.environ).items() if k not in ("PYTHONPATH", ENV)}
    started = []
    try:
        for profile in profiles:
            # By its file, with -P: the server holds no package of the project (a child imports
            # those from its own folder, a breakage's patched copy included).
            server = subprocess.Popen([sys.executable, "-P", str(Path(__file__).resolve()), profile, str(folder),
                                       ",".join(PROFILES[profile]["preload"])],
                                      env=base, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
            started.append(server)
        ready = all(s.stdout.readline().strip() == b"ready" for s in started)  # each says so once it has imported
        yield {ENV: str(folder)} if ready else {}
    finally:
        for server in started:
            server.terminate()
        for server in started:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            server.stdout.close()
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- the server

def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    header, fds, _, _ = socket.recv_fds(conn, 8, 3)
    size, body = int.from_bytes(header, "big"), b""
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise ConnectionError("request cut short")
        body += chunk
    return json.loads(body), fds


def _python_path(cwd: str, env: dict, base: list[str]) -> list[str]:
    """sys.path as `python -m` makes it in `cwd` with `env`: the folder, PYTHONPATH, the rest."""
    extra = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    return [cwd, *[os.path.abspath(os.path.join(cwd, p)) for p in extra], *base]


def _name(module: str) -> None:
    """The child's process name (ps, top, psutil's name()) says what it runs: its command line
    is still the server's."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(15, module.encode()[:15], 0, 0, 0)  # PR_SET_NAME


def _exit_code(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _become(request: dict, fds: list[int], base_path: list[str]) -> None:
    """In the forked child: become `python -m module args` in its folder, and never return."""
    import atexit
    import runpy
    import threading
    import traceback
    import types

    code = 1
    try:
        for number, fd in enumerate(fds):
            os.dup2(fd, number)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        unbuffered = bool(request["env"].get("PYTHONUNBUFFERED"))
        sys.stdin = sys.__stdin__ = open(0, "r", closefd=False)
        sys.stdout = sys.__stdout__ = io.TextIOWrapper(open(1, "wb", closefd=False), line_buffering=os.isatty(1),
                                                       write_through=unbuffered)
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(open(2, "wb", closefd=False), errors="backslashreplace",
                                                       line_buffering=True)
        _name(request["module"])
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[:] = _python_path(os.getcwd(), request["env"], base_path)
        importlib.invalidate_caches()
        sys.argv = ["-m", *request["args"]]
        main = types.ModuleType("__main__")
        main.__dict__["__builtins__"] = __builtins__
        sys.modules["__main__"] = main
        try:
            runpy._run_module_as_main(request["module"])  # exactly what `python -m` runs
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc)
        except KeyboardInterrupt:
            traceback.print_exc()
            code = 128 + signal.SIGINT
        except BaseException:  # noqa: BLE001 - as the interpreter would: print it, exit 1
            traceback.print_exc()
            code = 1
        threading._shutdown()  # join non-daemon threads, as the interpreter does at exit
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - becoming the child failed: say why where its errors go
        os.write(2, traceback.format_exc().encode(errors="replace"))
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _expanded(name: str) -> list[str]:
    """`package.*`: the package and each of its modules; anything else: itself."""
    if not name.endswith(".*"):
        return [name]
    import pkgutil

    package = importlib.import_module(name[:-2])
    return [package.__name__] + [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def serve(profile: str, folder: str, preload: list[str]) -> None:
    import warnings

    with warnings.catch_warnings():  # pgserver's import asks for XDG_RUNTIME_DIR, which is never used
        warnings.simplefilter("ignore")
        for name in preload:
            for module in _expanded(name):
                importlib.import_module(module)
    base_path = list(sys.path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path = socket_path(folder, profile)
    listener.bind(str(path))
    listener.listen(64)
    woken, wake = os.pipe()
    os.set_blocking(wake, False)
    os.set_blocking(woken, False)
    stopping = []
    signal.set_wakeup_fd(wake)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # its byte on the wake-up pipe is the point
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    children: dict[int, socket.socket] = {}
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(woken, selectors.EVENT_READ)
    sys.stdout.buffer.write(b"ready\n")
    sys.stdout.flush()
    while not stopping:
        for key, _ in selector.select():
            if key.fileobj is woken:
                with contextlib.suppress(BlockingIOError):
                    os.read(woken, 4096)
                _reap(children)
                continue
            conn, _ = listener.accept()
            try:
                request, fds = _receive(conn)
            except (ConnectionError, OSError, ValueError):
                conn.close()
                continue
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                for sig in (signal.SIGCHLD, signal.SIGTERM):
                    signal.signal(sig, signal.SIG_DFL)
                selector.close()
                for fd in (woken, wake):
                    os.close(fd)
                listener.close()
                for other in children.values():
                    other.close()
                conn.close()
                _become(request, fds, base_path)
            for fd in fds:
                os.close(fd)
            children[pid] = conn
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        _reap(children)
    listener.close()
    path.unlink(missing_ok=True)


def _reap(children: dict[int, socket.socket]) -> None:
    """Every child that ended: its status to whoever asked for it."""
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = children.pop(pid, None)
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
            conn.close()


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2], [name for name in sys.argv[3].split(",") if name])
