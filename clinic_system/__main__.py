"""python -m clinic_system --port N: serve the reference system (settings from the environment)."""
import argparse
import os
import signal
from pathlib import Path

import uvicorn

from .app import create_app
from .config import Settings


def _save_coverage_on_request() -> None:
    """The embedded stack's crash scenario SIGKILLs this process, which leaves coverage no
    chance to save: when coverage measures it, SIGUSR1 saves what was measured so far and
    leaves a marker in the stack's folder to say so."""
    folder = os.environ.get("CLINIC_STACK_FOLDER")
    try:
        import coverage
    except ImportError:
        return
    current = coverage.Coverage.current()
    if current is None or not folder:
        return

    def save(*_):
        current.save()
        Path(folder, f"coverage-saved-{os.getpid()}").touch()
    signal.signal(signal.SIGUSR1, save)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    _save_coverage_on_request()
    uvicorn.run(create_app(Settings.from_env()), host=args.host, port=args.port,
                log_config=None, access_log=False, lifespan="on", loop="uvloop", http="httptools",
                # A voice platform keeps its connections open between a call's messages; uvicorn's
                # 5 s default would drop a caller's line while they talk.
                timeout_keep_alive=75)


if __name__ == "__main__":
    main()
