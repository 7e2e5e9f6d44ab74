"""System checks of tending's own: what Django's deploy checks cannot see in this setup."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

CSRF_MIDDLEWARE = "tending.core.security.ReferrerlessCsrfMiddleware"
HEADERS_MIDDLEWARE = "tending.core.security.SecurityHeadersMiddleware"


@register(Tags.security)
def check_protections(app_configs, **kwargs):
    """Django's own CSRF check (security.W003) does not know tending's CSRF middleware."""
    problems = []
    if CSRF_MIDDLEWARE not in settings.MIDDLEWARE:
        problems.append(
            Error(
                f"{CSRF_MIDDLEWARE} is missing from MIDDLEWARE; forms would have no CSRF "
                "protection.",
                id="tending.E001",
            )
        )
    if HEADERS_MIDDLEWARE not in settings.MIDDLEWARE:
        problems.append(
            Error(
                f"{HEADERS_MIDDLEWARE} is missing from MIDDLEWARE; pages would be sent without "
                "their Content Security Policy and could be cached.",
                id="tending.E002",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def check_hosted(app_configs, **kwargs):
    problems = []
    if not settings.HOSTED:
        problems.append(
            Warning(
                "tending is in personal mode, which is meant for one computer, not a server "
                "others reach over the network.",
                hint="Set TENDING_HOSTED=true (with TENDING_SECRET_KEY and "
                "TENDING_ALLOWED_HOSTS) for a shared server; see the README, 'Hosted mode'.",
                id="tending.W001",
            )
        )
        return problems
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            Warning(
                "TENDING_ALLOWED_HOSTS is '*', so tending answers to any host name a visitor "
                "sends, including forged ones.",
                hint="List the host names people use to reach tending, separated by commas "
                "(for example: tending.example.org).",
                id="tending.W004",
            )
        )
    # Django skips its secure-CSRF-cookie check (W016) when it does not see its own middleware.
    if not settings.CSRF_COOKIE_SECURE:
        problems.append(Warning("CSRF_COOKIE_SECURE is off in hosted mode.", id="tending.W002"))
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        problems.append(
            Warning(
                "Hosted mode is running on SQLite.",
                hint="Set DATABASE_URL to a PostgreSQL database for several people and "
                "several server processes.",
                id="tending.W003",
            )
        )
    return problems


def database_problem() -> str | None:
    """Why tending cannot open its database, in words; None when it can.

    Django's own checks assume a database they can reach and crash with a traceback when
    there is none, so this is asked first.
    """
    from django.db import DatabaseError, connections

    from tending.core.words import gettext as _

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        folder = Path(database["NAME"]).parent
        if not folder.is_dir():
            return _(
                "The data folder %(folder)s does not exist, so tending cannot open its "
                "database there. Create it (readable only by the account tending runs as), "
                "or set TENDING_DATA_DIR to the folder that holds tending's data."
            ) % {"folder": folder}
        where, advice = _("the SQLite file %(file)s") % {"file": database["NAME"]}, ""
    else:
        host = database.get("HOST") or "localhost"
        where = _("the PostgreSQL database %(name)r at %(host)s") % {
            "name": database.get("NAME"),
            "host": host,
        }
        if database.get("PORT"):
            where += ", " + _("port %(port)s") % {"port": database["PORT"]}
        advice = " " + _(
            "Please check DATABASE_URL, and that the database server is running and "
            "reachable from here."
        )
    try:
        connections["default"].ensure_connection()
    except DatabaseError as exc:
        reason = (str(exc).strip().splitlines() or [_("no reason given")])[0]
        return (
            _("tending could not open %(where)s (%(reason)s).")
            % {
                "where": where,
                "reason": reason,
            }
            + advice
        )
    finally:
        connections["default"].close()
    return None
