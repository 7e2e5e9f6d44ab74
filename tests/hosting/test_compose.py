"""The container files agree with each other and with docs/hosting.md, checked without Docker.

compose.yaml parses and asks for every variable the docs call required; every setting tending
reads is in the docs; the Dockerfile's entry and health check are files of the repository
that can run; Caddy proxies to the service and port compose and the image use.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
COMPOSE_TEXT = (ROOT / "compose.yaml").read_text(encoding="utf-8")
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
CADDYFILE = (ROOT / "docker" / "Caddyfile").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_TEXT)


def section(heading: str, text: str = DOCS) -> str:
    """The text under a Markdown heading, up to the next heading of the same or higher level."""
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    stop = re.compile(rf"^#{{1,{len(level)}}} ", re.MULTILINE).search(text, start)
    return text[start : stop.start() if stop else len(text)]


def table_names(text: str) -> set[str]:
    """The `NAME`s in the first cell of each table row (several per cell: "`A`, `B`")."""
    names = set()
    for line in text.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


REQUIRED = table_names(section("### What .env must hold"))
DOCUMENTED = table_names(section("## Every setting"))


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments left out."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def image_file_source(target: str) -> Path:
    """Which file of the repository the final image has at `target`, from its COPY lines."""
    for word, rest in dockerfile_instructions():
        if word != "COPY" or "--from" in rest:
            continue
        *sources, destination = rest.split()
        for source in sources:
            placed = destination + Path(source).name if destination.endswith("/") else destination
            if placed == target:
                return ROOT / source
    raise AssertionError(f"no COPY puts a file at {target}")


def test_compose_parses_with_its_three_services(compose):
    assert set(compose["services"]) == {"db", "tending", "proxy"}
    assert compose["services"]["db"]["image"].startswith("postgres:16")
    assert compose["services"]["proxy"]["image"] == "caddy:2"
    assert compose["services"]["tending"]["build"] == "."


def test_compose_asks_for_every_variable_the_docs_call_required():
    assert {"TENDING_DOMAIN", "TENDING_SECRET_KEY", "POSTGRES_PASSWORD"} == REQUIRED
    for name in REQUIRED:
        # ${NAME:?message}: compose stops with the message when it is missing or empty.
        assert f"${{{name}:?" in COMPOSE_TEXT, f"compose.yaml does not require {name}"
    asked = set(re.findall(r"\$\{([A-Z0-9_]+):\?", COMPOSE_TEXT))
    assert asked == REQUIRED, "compose.yaml requires what the docs do not say is required"
    # Every mention of a required variable is the required form: none falls back silently.
    assert not re.findall(r"\$\{(?:" + "|".join(REQUIRED) + r")(?:[:-][^?]|\})", COMPOSE_TEXT)


def test_the_tending_service_sets_only_documented_settings(compose):
    service = compose["services"]["tending"]
    names = set(service["environment"])
    assert {"DATABASE_URL", "TENDING_SECRET_KEY", "TENDING_ALLOWED_HOSTS"} <= names
    assert names <= DOCUMENTED, f"not in docs/hosting.md's table: {names - DOCUMENTED}"
    assert service["environment"]["TENDING_PROXY_COUNT"] == "1"  # Caddy, and nothing else
    assert service["env_file"] == ".env"  # the optional settings, as the docs say
    assert "ports" not in service, "only the proxy may reach tending"
    assert service["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_database_address_points_at_the_db_service(compose):
    db = compose["services"]["db"]
    url = compose["services"]["tending"]["environment"]["DATABASE_URL"]
    user, name = db["environment"]["POSTGRES_USER"], db["environment"]["POSTGRES_DB"]
    password = r"\$\{POSTGRES_PASSWORD:\?[^}]+\}"
    assert re.fullmatch(rf"postgres://{user}:{password}@db:5432/{name}", url)
    check = db["healthcheck"]["test"]
    assert check[:2] == ["CMD", "pg_isready"] and user in check and name in check


def test_every_setting_tending_reads_is_documented():
    settings = (ROOT / "tending" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env_\w+\(\s*"([A-Z][A-Z0-9_]+)"', settings)) | {"DATABASE_URL"}
    container = set(re.findall(r"\b(TENDING_[A-Z_]+)\b", DOCKERFILE))
    for script in ("entrypoint.sh", "healthcheck.py"):
        text = (ROOT / "docker" / script).read_text(encoding="utf-8")
        container |= set(re.findall(r"\b(TENDING_[A-Z_]+)\b", text))
    missing = (read | container) - DOCUMENTED
    assert not missing, f"settings missing from docs/hosting.md's tables: {sorted(missing)}"
    assert read >= {"TENDING_SECRET_KEY", "TENDING_STATIC_ROOT", "TENDING_EMAIL_HOST"}


def test_the_image_starts_with_an_executable_entry_script_of_the_repository():
    instructions = dict(dockerfile_instructions())
    [entry] = json.loads(instructions["ENTRYPOINT"])
    script = image_file_source(entry)
    assert script == ROOT / "docker" / "entrypoint.sh"
    assert script.is_file() and os.access(script, os.X_OK)
    assert script.stat().st_mode & 0o111 == 0o111  # for the image's own user too
    assert script.read_text(encoding="utf-8").startswith("#!/bin/sh\n")


def test_the_image_health_check_is_a_script_of_the_repository():
    check = dict(dockerfile_instructions())["HEALTHCHECK"]
    command = json.loads(check.split("CMD", 1)[1])
    assert command[0] == "python"
    assert image_file_source(command[1]) == ROOT / "docker" / "healthcheck.py"


def test_the_image_is_what_the_docs_describe():
    instructions = dockerfile_instructions()
    froms = [rest for word, rest in instructions if word == "FROM"]
    assert len(froms) == 2 and all(f.startswith("python:3.11-slim") for f in froms)
    env = " ".join(rest for word, rest in instructions if word == "ENV")
    for setting in ("TENDING_HOSTED=true", "TENDING_DATA_DIR=/data", "TENDING_PORT=8000"):
        assert setting in env
    assert ("VOLUME", "/data") in instructions and ("EXPOSE", "8000") in instructions
    users = [rest for word, rest in instructions if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    # Every file the image is built from is in the repository and in the build context.
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for word, rest in instructions:
        if word == "COPY" and "--from" not in rest:
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), source
                assert source.split("/")[0] not in ignored, f".dockerignore leaves out {source}"


def test_caddy_proxies_to_the_service_and_port_of_compose(compose):
    [(service, port)] = re.findall(r"^\s*reverse_proxy\s+([\w.-]+):(\d+)", CADDYFILE, re.M)
    assert service in compose["services"] and service == "tending"
    assert ("EXPOSE", port) in dockerfile_instructions()
    entry = (ROOT / "docker" / "entrypoint.sh").read_text(encoding="utf-8")
    assert f'--port "${{TENDING_PORT:-{port}}}"' in entry
    proxy = compose["services"]["proxy"]
    assert "./docker/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    # The site is the domain of .env, and Caddy checks tending's health with that Host.
    assert CADDYFILE.count("{$TENDING_DOMAIN}") == 2 and "TENDING_DOMAIN" in proxy["environment"]
    assert re.search(r"^\s*health_uri /healthz$", CADDYFILE, re.M)
    assert {"80:80", "443:443"} <= set(proxy["ports"])


@pytest.mark.parametrize("guide", ["docs/hosting.md", "CONTRIBUTING.md", "CHANGELOG.md"])
def test_the_guides_name_real_files(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    named = re.findall(r"`((?:tending|tests|scripts|docs|docker)/[^`\s<>…*]*)`", text)
    linked = [
        (ROOT / guide).parent / link.split("#")[0]
        for link in re.findall(r"\]\(([^)]+)\)", text)
        if "://" not in link and not link.startswith("#")
    ]
    missing = [p for p in named if not (ROOT / p.split("::")[0]).exists()]
    missing += [str(p) for p in linked if not p.exists()]
    assert missing == [], f"{guide} names files that are not there: {missing}"
