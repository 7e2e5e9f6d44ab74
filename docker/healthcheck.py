"""The container's health check: ask this server's /healthz as the proxy would, exit 0 if ready.

It sends the Host header of the first name in TENDING_ALLOWED_HOSTS (Django answers any
other with 400), over plain HTTP: /healthz is the one address hosted mode does not redirect
to HTTPS. Only the standard library: the slim image has no curl.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


def probe() -> int:
    names = [n.strip() for n in os.environ.get("TENDING_ALLOWED_HOSTS", "").split(",")]
    host = next((n.lstrip(".") for n in names if n and n != "*"), "localhost")
    port = os.environ.get("TENDING_PORT", "8000")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz",
        headers={"Host": host},
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as answer:
            print(answer.read().decode("utf-8", "replace"))
            return 0 if answer.status == 200 else 1
    except urllib.error.HTTPError as answer:  # 503: the body says what is wrong
        print(answer.read().decode("utf-8", "replace"))
        return 1
    except OSError as exc:  # not listening yet, or stopped
        print(f"tending did not answer on port {port}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(probe())
