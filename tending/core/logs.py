"""Keep secrets and private words out of every log: gunicorn's, waitress's and Django's.

An address can carry a secret: the calendar feed's link is its own password, and a
calendar app asks for it every few minutes. Logs are read by whoever runs the server and
kept for weeks, so every log line goes through `redact` before it is written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import MutableMapping
from typing import Any

MARKER = "[secret]"
# A long run of URL-safe characters in a path is a token (the feed's is 43): no page of
# tending has a word that long in its address, so a wrongly hidden one costs nothing.
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])")
# Whatever follows `?` can hold words someone typed (a search, a next= address).
QUERY = re.compile(r"\?[^\s\"]*")


def redact(text: str) -> str:
    """`text` with tokens in paths and every query string replaced by a marker."""
    if "/" not in text:
        return text
    return QUERY.sub(f"?{MARKER}", TOKEN_SEGMENT.sub(MARKER, text))


def _redacted(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactSecrets(logging.Filter):
    """A logging filter that rewrites a record's message and arguments through `redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redacted(record.msg)
        if isinstance(record.args, MutableMapping):
            # Changed in place: gunicorn's access-log arguments are a dict of its own kind.
            for key, value in list(record.args.items()):
                record.args[key] = _redacted(value)
        elif isinstance(record.args, tuple):
            record.args = tuple(_redacted(value) for value in record.args)
        return True


def __getattr__(name: str) -> Any:
    """GunicornLogger, made on first use: only gunicorn asks for it, so nothing else that
    logs (every terminal command) waits for gunicorn to be imported."""
    if name != "GunicornLogger":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        from gunicorn.glogging import Logger
    except ImportError:  # pragma: no cover - gunicorn is not installed on Windows
        raise AttributeError(f"{name} needs gunicorn, which is not installed") from None

    class GunicornLogger(Logger):
        """gunicorn's logger with secrets taken out of its access and error logs."""

        def setup(self, cfg: Any) -> None:
            super().setup(cfg)
            for log in (self.error_log, self.access_log):
                if not any(isinstance(f, RedactSecrets) for f in log.filters):
                    log.addFilter(RedactSecrets())

    globals()[name] = GunicornLogger
    return GunicornLogger
