"""The `tending` command: serve the app, create accounts, log moments, make demo data."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

# The shared pieces live below the apps; this module only composes the commands.
from tending.core.terminal_support import CommandError, migrate, setup_django

EPILOG = textwrap.dedent(
    """\
    examples:
      tending                          start tending at http://127.0.0.1:8000/
      tending createuser sam           make an account (asks for a password)
      tending createuser robin --admin an administrator, who may invite people
      tending password sam             set a new password for sam (a forgotten one)
      tending invite --note Sam        a link with which someone makes their own account
      tending log Sam --shared feelings --understood 4 --note "Long walk"
      tending log "Sam" "Alex" --how video --when "2026-03-14 19:30"
      tending checkin weekly-wellbeing answer a check-in at the terminal
      tending journal --prompt          write in $EDITOR, starting from a prompt
      tending journal search walk       find journal entries
      tending journal search walk --user sam
                                       whose journal, when there are several accounts
                                       (--user goes before or after a subcommand)
      tending instruments check my-scale.toml   validate an instrument file
      tending insights --json          the patterns in your days, one JSON object each
      tending mirror                   your feedback rounds; mirror 3: round 3's window
      tending demo --years 2           try tending with made-up people and moments
      tending check --deploy           is this hosted server set up safely?
      tending bench --json new.json    time every page on ten years of made-up data
      tending backup ~/backups         copy everything into a dated backup file
      tending restore FILE             bring back a backup (stop tending first)
      tending export ~/tending.json    everything in your account as one JSON file
      tending export --format csv ~/exports    spreadsheets (also markdown: the
                                       journal; vcard: your circle as contacts)
      tending import tending.json      bring that file into a new, empty account
      tending import journal.txt --from jrnl --dry-run
                                       preview what a jrnl journal (or Day One export,
                                       --from dayone) would add to your journal

    configuration (environment variables):
      TENDING_DATA_DIR     where the database and secret key live
                           (default: your user data folder)
      DATABASE_URL         postgres://user:password@host/name to use PostgreSQL
      TENDING_HOSTED       true for a shared server: needs TENDING_SECRET_KEY and
                           TENDING_ALLOWED_HOSTS, turns on secure cookies
      TENDING_INSTRUMENTS_DIR  a folder of extra check-in definition files
      TENDING_DEBUG        true only while developing tending itself
      TENDING_API_RATE     calls a minute one API token may make (default 300)

    the HTTP API: make a token under Settings > API tokens in the browser, then
      curl -H "Authorization: Bearer tnd_..." http://127.0.0.1:8000/api/v1/people
    every call is described at /api/v1/openapi.json (and in docs/api.md)
    """
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tending",
        description="tending: a private companion for self-care through closeness. "
        "With no command, starts the web app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from tending import __version__

    parser.add_argument("--version", action="version", version=f"tending {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", help="start the web app (the default)")
    add_serve_arguments(serve)

    create = commands.add_parser("createuser", help="create an account")
    create.add_argument("username", help="the name to log in with")
    create.add_argument("--time-zone", default="UTC", help="e.g. Europe/Berlin (default: UTC)")
    create.add_argument(
        "--country",
        help="whose crisis lines to show, e.g. DE, or none (default: from --time-zone or LANG)",
    )
    create.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    create.add_argument(
        "--admin",
        action="store_true",
        help="make it an administrator, who may invite people (Settings → Invitations)",
    )

    from tending.core.terminal import add_password_arguments

    password = commands.add_parser(
        "password",
        help="set a new password for an account (when it is forgotten)",
        description="Set a new password for the account NAME: asks for it twice, or reads one "
        "line with --password-stdin. Every browser logged in to that account is logged out.",
    )
    add_password_arguments(password)

    from tending.invitations.terminal import add_arguments as add_invite_arguments

    invite = commands.add_parser(
        "invite",
        help="make an invitation link: whoever opens it makes their own account (once)",
        description="Make an invitation and print its link. Whoever opens it chooses a name "
        "and password; it works once, for --days days. Only a fingerprint of it is kept.",
    )
    add_invite_arguments(invite)

    from tending.moments.terminal import add_log_arguments

    log = commands.add_parser(
        "log",
        help="log a moment from the terminal",
        description="Log a moment with one or more people of your circle. "
        "Names may be partial; an unknown or ambiguous name is an error that lists the matches.",
    )
    add_log_arguments(log)

    from tending.checkins.terminal import add_arguments as add_checkin_arguments

    checkin = commands.add_parser(
        "checkin",
        help="do a check-in at the terminal",
        description="Answer a check-in's questions by number; Ctrl-C stops and saves nothing.",
    )
    instruments = commands.add_parser(
        "instruments", help="list check-ins, or validate definition files (check FILE…)"
    )
    add_checkin_arguments(checkin, instruments)

    demo = commands.add_parser(
        "demo",
        help="fill an account with made-up people and moments to try tending",
        description="Fill an empty account with about 60 made-up people and YEARS of moments. "
        "Creates the account if it does not exist and prints its password.",
    )
    demo.add_argument("--years", type=int, default=2, help="years of moments (1-30, default 2)")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    demo.add_argument("--user", default="demo", help="account to fill (default: demo)")

    from tending.journal.terminal import add_arguments as add_journal_arguments

    journal = commands.add_parser(
        "journal",
        help="write a journal entry in $EDITOR, or: journal search WORDS",
        description="Opens $EDITOR (or $VISUAL) on a new entry and saves it when the editor "
        "closes; an empty file saves nothing. `tending journal search WORDS` prints matches.",
    )
    add_journal_arguments(journal)

    from tending.insights.terminal import add_arguments as add_insights_arguments

    insights = commands.add_parser(
        "insights",
        help="what goes with your better days: the findings, as sentences or --json",
        description="Print the patterns found in your own days (the Insights page's findings), "
        "one sentence each; --json prints one object per finding. --days N looks only at "
        "the last N days, worked out afresh.",
    )
    add_insights_arguments(insights)

    from tending.mirror.terminal import add_arguments as add_mirror_arguments

    mirror = commands.add_parser(
        "mirror",
        help="your feedback rounds, or one round's Johari window: mirror NUMBER",
        description="With no number, lists your Mirror rounds and how your open area changed; "
        "with a round's number, prints its window (and with --answers, the open answers).",
    )
    add_mirror_arguments(mirror)

    from tending.exchange.terminal import add_arguments as add_exchange_arguments
    from tending.exchange.terminal import add_document_commands

    backup = commands.add_parser(
        "backup",
        help="copy everything into a backup file (safe while tending runs)",
        description="Copy tending's database to PATH, safely even while tending is running. "
        "If PATH is a folder, the file is named tending-backup-DATE-TIME.sqlite3 inside it. "
        "An existing file is never overwritten. With PostgreSQL, prints the pg_dump command.",
    )
    restore = commands.add_parser(
        "restore",
        help="replace everything with a backup (stop tending first)",
        description="Replace everything in tending's database with the backup in PATH. "
        "Please stop tending first. The backup is checked before anything changes, what is "
        "there now is kept next to the database as tending.sqlite3.before-restore-DATE-TIME, "
        "and a backup from an older tending is brought up to date. Asks first unless --yes.",
    )
    add_exchange_arguments(backup, restore)
    add_document_commands(commands)

    commands.add_parser(
        "send-digests",
        help="send the weekly reminder e-mail to everyone who turned it on (run it from cron)",
        description="Send each opted-in person their weekly e-mail. Meant for cron or a systemd "
        "timer, once a week; a failure for one person is logged and the others still go out.",
    )

    from tending.bench.terminal import add_arguments as add_bench_arguments

    bench = commands.add_parser(
        "bench",
        help="measure every page on ten years of made-up data, in a fresh database",
        description="Build a fresh database with ten years of demo data (and a second, smaller "
        "account), then time every page: CPU and wall time (median, 95th percentile), SQL "
        "queries and size, and each page's CPU time as a multiple of the floor (a logged-in "
        "page with the empty layout, measured in the same run). Exits 1 when a page is over "
        "the bar (more than 3x the floor, or more than 8 queries) unless --no-fail. --years "
        "1,10,30 checks that pages stay flat as the data grows; --load adds gunicorn runs with "
        "concurrent clients; --kills N kills a writing server N times and checks that nothing "
        "was lost. "
        "Your own data is never touched.",
    )
    add_bench_arguments(bench)

    from tending.core.terminal import add_arguments as add_check_arguments

    check = commands.add_parser(
        "check",
        help="look for problems in the configuration (--deploy: for a hosted server)",
        description="Look for problems in how tending is set up; with --deploy, also what a "
        "hosted server needs (HTTPS, secure cookies, secret key, PostgreSQL). Warnings count "
        "as problems: exit status 1, each with what to change.",
    )
    add_check_arguments(check)

    manage = commands.add_parser(
        "manage", help="run a Django management command (for administrators)", add_help=False
    )
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--production",
        action="store_true",
        help="serve with gunicorn for a hosted instance (collects static files first)",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")


def serve(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise CommandError(f"--port {args.port} is not a port number (1-65535).")
    setup_django()
    migrate()
    from django.conf import settings

    if args.production:
        if sys.platform == "win32":
            raise CommandError("--production uses gunicorn, which does not run on Windows.")
        if not settings.HOSTED:
            raise CommandError(
                "--production serves a hosted instance: set TENDING_HOSTED=true, "
                'TENDING_SECRET_KEY and TENDING_ALLOWED_HOSTS first (README, "Hosted mode"). '
                "For yourself on this computer, leave out --production."
            )
        from django.core.management import call_command

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
    print(f"tending is running at {where}  (data: {settings.DATA_DIR})")
    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get(
        "TENDING_ALLOWED_HOSTS"
    ):
        print(
            "To open tending from another device, set TENDING_ALLOWED_HOSTS to the address "
            "it uses, e.g. TENDING_ALLOWED_HOSTS=192.168.1.20,localhost"
        )
    print("Open that address in your browser. Press Ctrl+C to stop.", flush=True)
    try:
        waitress.serve(application, host=args.host, port=args.port, threads=8, _quiet=True)
    except OSError as exc:
        raise CommandError(
            f"Could not listen on {args.host}:{args.port} ({exc.strerror}). "
            "Is tending already running? Try another port with --port."
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
    password = read_new_password(args.password_stdin, "Nothing was created.")
    problems = password_problems(password, user_model(username=username))
    if problems:
        raise CommandError(" ".join([*problems, "Nothing was created."]))
    try:
        user = user_model.objects.create_user(
            username=username, password=password, time_zone=args.time_zone, is_staff=args.admin
        )
    except IntegrityError:  # made by someone else in the meantime
        raise CommandError(f"There is already an account called {username!r}.") from None
    save_country(user, country)
    role = " It is an administrator: it may invite people." if args.admin else ""
    print(f"Created the account {username!r}.{role} {said}")
    return 0


def demo(args: argparse.Namespace) -> int:
    if not 1 <= args.years <= 30:
        raise CommandError(f"--years {args.years}: please choose from 1 to 30 years.")
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
        f"Filled {name!r} with {summary.people} people ({summary.archived} archived), "
        f"{summary.moments} moments, {summary.closeness_ratings} closeness ratings, "
        f"{summary.checkins} check-ins, {summary.journal_entries} journal entries, "
        f"{summary.feedback_rounds} feedback rounds ({summary.feedback_answers} answers), "
        f"{summary.brave_steps} brave steps, {summary.goals} goals and "
        f"{summary.therapy_sessions} therapy sessions "
        f"over {args.years} year(s) in {took:.1f} s."
    )
    if password:
        print(f"Log in as {name!r} with the password: {password}")
    return 0


def send_digests(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from tending.today.digest import send_digests as send

    report = send()
    print(f"Sent {report.sent} weekly e-mail(s); {report.failed} could not be sent.")
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
        print(f"tending: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
