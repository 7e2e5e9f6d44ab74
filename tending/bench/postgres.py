"""A throwaway PostgreSQL database for one benchmark run, made next to the one named."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit, urlunsplit


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _connect(url: str):
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        where = urlsplit(url)
        raise ValueError(
            f"Could not reach PostgreSQL at {where.hostname}:{where.port or 5432} "
            f"({str(exc).strip().splitlines()[0]})."
        ) from None


def create_database(url: str) -> str:
    """Create an empty database on the server of `url`; return the address of the new one."""
    import psycopg

    name = f"tending_bench_{secrets.token_hex(4)}"
    with _connect(url) as connection:
        try:
            connection.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as exc:
            raise ValueError(
                f"Could not create a database for the benchmark ({str(exc).strip()}); the user "
                "in --database-url needs the right to create databases."
            ) from None
    return _with_database(url, name)


def drop_database(url: str, bench_url: str) -> None:
    name = urlsplit(bench_url).path.lstrip("/")
    if not name.startswith("tending_bench_"):
        return  # never drop anything the benchmark did not make
    with _connect(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
