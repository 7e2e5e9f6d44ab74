"""The `tending` command: serve the app, create accounts, log moments, make demo data."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

# The shared pieces live below the apps; this module only composes the commands.
from tending.core.terminal_support import CommandError, file_lock, migrate, setup_django, shown
from tending.core.words import gettext, ngettext
from tending.core.words import gettext as _

EXAMPLES_COLUMN = 35  # where an example's words start, and where they go on
SETTINGS_COLUMN = 23


def _rows(rows: list[tuple[str, str | None]], column: int) -> list[str]:
    """Each command or variable (as typed: never translated) with what it does (translated,
    on as many lines as the language needs), the words lined up at `column`."""
    lines = []
    for typed, words in rows:
        said = words.split("\n") if words else []
        if typed.endswith("\n") or not said:
            lines.append("  " + typed.rstrip("\n"))
        else:
            lines.append("  " + typed + said.pop(0))
        lines += [" " * column + line for line in said]
    return lines


def epilog(_: Callable[[str], str] = gettext) -> str:
    """The examples and settings under `tending --help`, their words in the terminal's
    language (`_`); the commands, options and variables stay as they are typed."""
    examples = [
        ("tending                          ", _("start tending at http://127.0.0.1:8000/")),
        ("tending createuser sam           ", _("make an account (asks for a password)")),
        ("tending createuser robin --admin ", _("an administrator, who may invite people")),
        ("tending password sam             ", _("set a new password for sam (a forgotten one)")),
        (
            "tending invite --note Sam        ",
            _("a link with which someone makes their own account"),
        ),
        ('tending log Sam --shared feelings --understood 4 --note "Long walk"', None),
        ('tending log "Sam" "Alex" --how video --when "2026-03-14 19:30"', None),
        ("tending checkin weekly-wellbeing ", _("answer a check-in at the terminal")),
        ("tending journal --prompt         ", _("write in $EDITOR, starting from a prompt")),
        ("tending journal search walk      ", _("find journal entries")),
        (
            "tending journal search walk --user sam\n",
            _(
                "whose journal, when there are several accounts\n"
                "(--user goes before or after a subcommand)"
            ),
        ),
        ("tending instruments check my-scale.toml   ", _("validate an instrument file")),
        (
            "tending insights --json          ",
            _("the patterns in your days, one JSON object each"),
        ),
        (
            "tending mirror                   ",
            _("your feedback rounds; mirror 3: round 3's window"),
        ),
        ("tending demo --years 2           ", _("try tending with made-up people and moments")),
        ("tending check --deploy           ", _("is this hosted server set up safely?")),
        (
            "tending bench --json new.json    ",
            _("time every page on ten years of made-up data"),
        ),
        ("tending backup ~/backups         ", _("copy everything into a dated backup file")),
        ("tending restore FILE             ", _("bring back a backup (stop tending first)")),
        (
            "tending export ~/tending.json    ",
            _("everything in your account as one JSON file"),
        ),
        (
            "tending export --format csv ~/exports    ",
            _("spreadsheets (also markdown: the\njournal; vcard: your circle as contacts)"),
        ),
        ("tending import tending.json      ", _("bring that file into a new, empty account")),
        (
            "tending import journal.txt --from jrnl --dry-run\n",
            _(
                "preview what a jrnl journal (or Day One export,\n"
                "--from dayone) would add to your journal"
            ),
        ),
    ]
    settings = [
        (
            "TENDING_DATA_DIR     ",
            _("where the database and secret key live\n(default: your user data folder)"),
        ),
        ("DATABASE_URL         ", _("postgres://user:password@host/name to use PostgreSQL")),
        (
            "TENDING_HOSTED       ",
            _(
                "true for a shared server: needs TENDING_SECRET_KEY and\n"
                "TENDING_ALLOWED_HOSTS, turns on secure cookies"
            ),
        ),
        ("TENDING_INSTRUMENTS_DIR  ", _("a folder of extra check-in definition files")),
        ("TENDING_DEBUG        ", _("true only while developing tending itself")),
        ("TENDING_API_RATE     ", _("calls a minute one API token may make (default 300)")),
    ]
    return "\n".join(
        [
            _("examples:"),
            *_rows(examples, EXAMPLES_COLUMN),
            "",
            _("configuration (environment variables):"),
            *_rows(settings, SETTINGS_COLUMN),
            "",
            _("the HTTP API: make a token under Settings > API tokens in the browser, then"),
            '  curl -H "Authorization: Bearer tnd_..." http://127.0.0.1:8000/api/v1/people',
            _("every call is described at /api/v1/openapi.json (and in docs/api.md)"),
            "",
        ]
    )


def build_parser() -> argparse.ArgumentParser:
    from tending.core.argparse_words import speak

    speak()  # argparse's own words ("usage:", its refusals) in the terminal's language too
    parser = argparse.ArgumentParser(
        prog="tending",
        description=_(
            "tending: a private companion for self-care through closeness. "
            "With no command, starts the web app."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from tending import __version__

    parser.add_argument("--version", action="version", version=f"tending {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", help=_("start the web app (the default)"))
    add_serve_arguments(serve)

    create = commands.add_parser("createuser", help=_("create an account"))
    create.add_argument("username", help=_("the name to log in with"))
    create.add_argument("--time-zone", default="UTC", help=_("e.g. Europe/Berlin (default: UTC)"))
    create.add_argument(
        "--country",
        help=_("whose crisis lines to show, e.g. DE, or none (default: from --time-zone or LANG)"),
    )
    create.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input")
    )
    create.add_argument(
        "--admin",
        action="store_true",
        help=_("make it an administrator, who may invite people (Settings → Invitations)"),
    )

    from tending.core.terminal import add_password_arguments

    password = commands.add_parser(
        "password",
        help=_("set a new password for an account (when it is forgotten)"),
        description=_(
            "Set a new password for the account NAME: asks for it twice, or reads one "
            "line with --password-stdin. Every browser logged in to that account is logged out."
        ),
    )
    add_password_arguments(password)

    from tending.invitations.terminal import add_arguments as add_invite_arguments

    invite = commands.add_parser(
        "invite",
        help=_("make an invitation link: whoever opens it makes their own account (once)"),
        description=_(
            "Make an invitation and print its link. Whoever opens it chooses a name "
            "and password; it works once, for --days days. Only a fingerprint of it is kept."
        ),
    )
    add_invite_arguments(invite)

    from tending.moments.terminal import add_log_arguments

    log = commands.add_parser(
        "log",
        help=_("log a moment from the terminal"),
        description=_(
            "Log a moment with one or more people of your circle. "
            "Names may be partial; an unknown or ambiguous name is an error that lists the matches."
        ),
    )
    add_log_arguments(log)

    from tending.checkins.terminal import add_arguments as add_checkin_arguments

    checkin = commands.add_parser(
        "checkin",
        help=_("do a check-in at the terminal"),
        description=_("Answer a check-in's questions by number; Ctrl-C stops and saves nothing."),
    )
    instruments = commands.add_parser(
        "instruments", help=_("list check-ins, or validate definition files (check FILE…)")
    )
    add_checkin_arguments(checkin, instruments)

    demo = commands.add_parser(
        "demo",
        help=_("fill an account with made-up people and moments to try tending"),
        description=_(
            "Fill an empty account with about 60 made-up people and YEARS of moments. "
            "Creates the account if it does not exist and prints its password."
        ),
    )
    demo.add_argument("--years", type=int, default=2, help=_("years of moments (1-30, default 2)"))
    demo.add_argument("--seed", type=int, default=1, help=_("same seed, same data (default 1)"))
    demo.add_argument("--user", default="demo", help=_("account to fill (default: demo)"))

    from tending.journal.terminal import add_arguments as add_journal_arguments

    journal = commands.add_parser(
        "journal",
        help=_("write a journal entry in $EDITOR, or: journal search WORDS"),
        description=_(
            "Opens $EDITOR (or $VISUAL) on a new entry and saves it when the editor "
            "closes; an empty file saves nothing. `tending journal search WORDS` prints matches."
        ),
    )
    add_journal_arguments(journal)

    from tending.insights.terminal import add_arguments as add_insights_arguments

    insights = commands.add_parser(
        "insights",
        help=_("what goes with your better days: the findings, as sentences or --json"),
        description=_(
            "Print the patterns found in your own days (the Insights page's findings), "
            "one sentence each; --json prints one object per finding. --days N looks only at "
            "the last N days, worked out afresh."
        ),
    )
    add_insights_arguments(insights)

    from tending.mirror.terminal import add_arguments as add_mirror_arguments

    mirror = commands.add_parser(
        "mirror",
        help=_("your feedback rounds, or one round's Johari window: mirror NUMBER"),
        description=_(
            "With no number, lists your Mirror rounds and how your open area changed; "
            "with a round's number, prints its window (and with --answers, the open answers)."
        ),
    )
    add_mirror_arguments(mirror)

    from tending.exchange.terminal import add_arguments as add_exchange_arguments
    from tending.exchange.terminal import add_document_commands

    backup = commands.add_parser(
        "backup",
        help=_("copy everything into a backup file (safe while tending runs)"),
        description=_(
            "Copy tending's database to PATH, safely even while tending is running. "
            "If PATH is a folder, the file is named tending-backup-DATE-TIME.sqlite3 inside it. "
            "An existing file is never overwritten. With PostgreSQL, prints the pg_dump command."
        ),
    )
    restore = commands.add_parser(
        "restore",
        help=_("replace everything with a backup (stop tending first)"),
        description=_(
            "Replace everything in tending's database with the backup in PATH. "
            "Please stop tending first. The backup is checked before anything changes, what is "
            "there now is kept next to the database as tending.sqlite3.before-restore-DATE-TIME, "
            "and a backup from an older tending is brought up to date. Asks first unless --yes."
        ),
    )
    add_exchange_arguments(backup, restore)
    add_document_commands(commands)

    commands.add_parser(
        "send-digests",
        help=_("send the weekly reminder e-mail to everyone who turned it on (run it from cron)"),
        description=_(
            "Send each opted-in person their weekly e-mail. Meant for cron or a systemd "
            "timer, once a week; a failure for one person is logged and the others still go out."
        ),
    )

    from tending.bench.terminal import add_arguments as add_bench_arguments

    bench = commands.add_parser(
        "bench",
        help=_("measure every page on ten years of made-up data, in a fresh database"),
        description=_(
            "Build a fresh database with ten years of demo data (and a second, smaller "
            "account), then time every page: CPU and wall time (median, 95th percentile), SQL "
            "queries and size, and each page's CPU time as a multiple of the floor (a logged-in "
            "page with the empty layout, measured in the same run). Exits 1 when a page is over "
            "the bar (more than 3x the floor, or more than 8 queries) unless --no-fail. --years "
            "1,10,30 checks that pages stay flat as the data grows; --load adds gunicorn runs with "
            "concurrent clients; --kills N kills a writing server N times and checks that nothing "
            "was lost. "
            "Your own data is never touched."
        ),
    )
    add_bench_arguments(bench)

    from tending.core.terminal import add_arguments as add_check_arguments

    check = commands.add_parser(
        "check",
        help=_("look for problems in the configuration (--deploy: for a hosted server)"),
        description=_(
            "Look for problems in how tending is set up; with --deploy, also what a "
            "hosted server needs (HTTPS, secure cookies, secret key, PostgreSQL). Warnings count "
            "as problems: exit status 1, each with what to change."
        ),
    )
    add_check_arguments(check)

    manage = commands.add_parser(
        "manage", help=_("run a Django management command (for administrators)"), add_help=False
    )
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1)")
    )
    parser.add_argument(
        "--port", type=int, default=8000, help=_("port to listen on (default 8000)")
    )
    parser.add_argument(
        "--production",
        action="store_true",
        help=_("serve with gunicorn for a hosted instance (collects static files first)"),
    )
    parser.add_argument("--workers", type=int, default=3, help=_("gunicorn workers (default 3)"))


def serve(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise CommandError(
            _("--port %(port)s is not a port number (1-65535).") % {"port": args.port}
        )
    setup_django()
    migrate()
    from django.conf import settings

    if args.production:
        if sys.platform == "win32":
            raise CommandError(_("--production uses gunicorn, which does not run on Windows."))
        if not settings.HOSTED:
            raise CommandError(
                _(
                    "--production serves a hosted instance: set TENDING_HOSTED=true, "
                    'TENDING_SECRET_KEY and TENDING_ALLOWED_HOSTS first (README, "Hosted mode"). '
                    "For yourself on this computer, leave out --production."
                )
            )
        from django.core.management import call_command

        # Servers sharing a data folder (and so its static folder) collect one at a time: the
        # hashed copies are deleted and written again, and a second collector would find one
        # gone midway. The lock is in the data folder, which is always writable; the image's
        # static folder sits in /opt, where only the folder itself is the server's.
        with file_lock(str(Path(settings.DATA_DIR) / "static.collecting")):
            call_command("collectstatic", interactive=False, verbosity=0)
        bind = f"{args.host}:{args.port}"
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tending.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(args.workers),
                "--access-logfile",
                "-",
                "--logger-class",  # the feed's secret link must never reach the log
                "tending.core.logs.GunicornLogger",
            ],
        )
    import waitress

    from tending.wsgi import application

    where = f"http://{'localhost' if args.host == '127.0.0.1' else args.host}:{args.port}/"
    print(
        _("tending is running at %(address)s  (data: %(folder)s)")
        % {"address": where, "folder": settings.DATA_DIR}
    )
    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get(
        "TENDING_ALLOWED_HOSTS"
    ):
        print(
            _(
                "To open tending from another device, set TENDING_ALLOWED_HOSTS to the address "
                "it uses, e.g. TENDING_ALLOWED_HOSTS=192.168.1.20,localhost"
            )
        )
    print(_("Open that address in your browser. Press Ctrl+C to stop."), flush=True)
    try:
        waitress.serve(application, host=args.host, port=args.port, threads=8, _quiet=True)
    except OSError as exc:
        raise CommandError(
            _(
                "Could not listen on %(address)s (%(problem)s). "
                "Is tending already running? Try another port with --port."
            )
            % {"address": f"{args.host}:{args.port}", "problem": exc.strerror}
        ) from None
    return 0


def createuser(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError

    from tending.core.accounts import new_account_name, password_problems
    from tending.core.models import validate_time_zone
    from tending.core.terminal_support import read_new_password

    user_model = get_user_model()
    try:
        username = new_account_name(args.username)  # as stored: Unicode-normalised
        validate_time_zone(args.time_zone)
    except ValidationError as exc:
        raise CommandError(" ".join(exc.messages)) from None
    from tending.safety.accounts import country_for_new_account, save_country

    try:
        country, said = country_for_new_account(args.country, args.time_zone, os.environ)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    nothing = _("Nothing was created.")
    password = read_new_password(args.password_stdin, nothing)
    problems = password_problems(password, user_model(username=username))
    if problems:
        raise CommandError(" ".join([*problems, nothing]))
    try:
        user = user_model.objects.create_user(
            username=username, password=password, time_zone=args.time_zone, is_staff=args.admin
        )
    except IntegrityError:  # made by someone else in the meantime
        raise CommandError(
            _("There is already an account called %(name)s.") % {"name": repr(username)}
        ) from None
    save_country(user, country)
    made = [_("Created the account %(name)s.") % {"name": repr(username)}]
    if args.admin:
        made.append(_("It is an administrator: it may invite people."))
    print(" ".join([*made, said]))
    return 0


def demo(args: argparse.Namespace) -> int:
    if not 1 <= args.years <= 30:
        raise CommandError(
            _("--years %(years)s: please choose from 1 to 30 years.") % {"years": args.years}
        )
    setup_django()
    migrate()
    import secrets
    import time

    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from tending.core.accounts import new_account_name
    from tending.demo import fill_demo

    user_model = get_user_model()
    name = args.user
    if not user_model.objects.filter(username=name).exists():
        try:  # a new account: refuse a name that reads the same as one already there
            name = new_account_name(name)
        except ValidationError as exc:
            raise CommandError(f"--user {args.user!r}: {' '.join(exc.messages)}") from None
    started = time.monotonic()
    password = None
    try:
        # One transaction: a refused fill leaves no new, unusable account behind.
        with transaction.atomic():
            user = user_model.objects.filter(username=name).first()
            if user is None:
                password = secrets.token_urlsafe(9)
                user = user_model.objects.create_user(username=name, password=password)
            summary = fill_demo(user, years=args.years, seed=args.seed)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    took = time.monotonic() - started
    print(
        _(
            "Filled %(name)s with %(people)s people (%(archived)s archived), "
            "%(moments)s moments, %(closeness_ratings)s closeness ratings, "
            "%(checkins)s check-ins, %(journal_entries)s journal entries, "
            "%(feedback_rounds)s feedback rounds (%(feedback_answers)s answers), "
            "%(brave_steps)s brave steps, %(goals)s goals and "
            "%(therapy_sessions)s therapy sessions "
            "over %(years)s in %(seconds)s s."
        )
        % {
            **vars(summary),
            "name": repr(name),
            "years": ngettext("%(num)d year", "%(num)d years", args.years) % {"num": args.years},
            "seconds": f"{took:.1f}",
        }
    )
    if password:
        print(
            _("Log in as %(name)s with the password: %(password)s")
            % {"name": repr(name), "password": password}
        )
    return 0


def send_digests(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from tending.today.digest import send_digests as send

    report = send()
    print(
        ngettext(
            "Sent %(sent)s weekly e-mail; %(failed)s could not be sent.",
            "Sent %(sent)s weekly e-mails; %(failed)s could not be sent.",
            report.sent,
        )
        % {"sent": report.sent, "failed": report.failed}
    )
    return 1 if report.failed else 0


def manage(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tending manage", *args.args])
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["serve", *argv]
    args = parser.parse_args(argv)
    from tending.bench.terminal import bench
    from tending.checkins.terminal import checkin, instruments_command
    from tending.core.terminal import check, password
    from tending.exchange.terminal import backup, export, import_command, restore
    from tending.insights.terminal import insights
    from tending.invitations.terminal import invite
    from tending.journal.terminal import journal
    from tending.mirror.terminal import mirror
    from tending.moments.terminal import log

    handlers = {
        "serve": serve,
        "createuser": createuser,
        "password": password,
        "invite": invite,
        "log": log,
        "checkin": checkin,
        "journal": journal,
        "instruments": instruments_command,
        "insights": insights,
        "mirror": mirror,
        "demo": demo,
        "send-digests": send_digests,
        "backup": backup,
        "restore": restore,
        "export": export,
        "import": import_command,
        "check": check,
        "bench": bench,
        "manage": manage,
    }
    try:
        return handlers[args.command](args)
    except CommandError as exc:
        print(f"tending: {shown(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n" + _("Stopped."), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
