"""python -m clinic_system --port N: serve the reference system (settings from the environment)."""
import argparse

import uvicorn

from .app import create_app
from .config import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(create_app(Settings.from_env()), host=args.host, port=args.port,
                log_config=None, access_log=False, lifespan="on", loop="uvloop", http="httptools",
                # A voice platform keeps its connections open between a call's messages; uvicorn's
                # 5 s default would drop a caller's line while they talk.
                timeout_keep_alive=75)


if __name__ == "__main__":
    main()
