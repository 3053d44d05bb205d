"""python -m sms_stub --port N (SMS_ACCOUNT_SID and SMS_AUTH_TOKEN from the environment)."""
import argparse
import os

import uvicorn

from .app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = create_app(os.environ["SMS_ACCOUNT_SID"], os.environ["SMS_AUTH_TOKEN"])
    # A text the provider is still holding (a slowed send) is not waited out at shutdown.
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                timeout_graceful_shutdown=1)


if __name__ == "__main__":
    main()
