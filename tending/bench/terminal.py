"""`tending bench`: ten years of data in a fresh database, every page timed against the bar.

Exits 1 when a page is over the bar (CPU time or queries), not flat across sizes, too slow
under load next to the login page, or when a write is lost or a server errs; --no-fail
reports pages over the bar without failing on them.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from tending.core.terminal_support import CommandError, migrate, setup_django
from tending.core.words import gettext as _

DEMO_USER = "bench"
OTHER_USER = "bench-other"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--years",
        default="10",
        metavar="N[,N…]",
        help=_(
            "years of demo data (default 10); several, such as 1,10,30, build each size in "
            "turn and report whether every page stays flat"
        ),
    )
    parser.add_argument(
        "--requests", type=int, default=50, help=_("timed requests per page (default 50)")
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=_(
            "a PostgreSQL server to use (postgres://user@host/db); a fresh database is "
            "created there for the run and dropped afterwards"
        ),
    )
    parser.add_argument("--json", metavar="PATH", type=Path, help=_("also write a JSON report"))
    parser.add_argument(
        "--compare", metavar="OLD.json", type=Path, help=_("print new ÷ old for each row")
    )
    parser.add_argument(
        "--load",
        action="store_true",
        help=_("also start tending with gunicorn on a loopback port and put it under load"),
    )
    parser.add_argument(
        "--throughput-requests",
        type=int,
        default=500,
        help=_(
            "with --load: requests to each of the login page, Today and the moments list, "
            "the pages taking turns in five rounds (default 500)"
        ),
    )
    parser.add_argument(
        "--no-fail",
        action="store_true",
        help=_(
            "report pages over the bar (and not flat, or slow under load) but exit 0 for "
            "them; a lost write or a server error still fails"
        ),
    )
    parser.add_argument(
        "--load-requests", type=int, default=2000, help=_("requests in the load run (default 2000)")
    )
    parser.add_argument(
        "--clients", type=int, default=4, help=_("concurrent clients in the load run (default 4)")
    )
    parser.add_argument(
        "--kills",
        type=int,
        default=0,
        help=_("also kill a server N times while it writes, and check nothing was lost"),
    )
    parser.add_argument(
        "--keep", action="store_true", help=_("keep the benchmark's database afterwards")
    )
    parser.add_argument(
        "--no-exchange",
        action="store_true",
        help=_("skip timing the exports (JSON, CSV, Markdown, vCard) and the JSON import"),
    )


def _check(args: argparse.Namespace) -> None:
    from tending.bench.flat import parse_years

    args.sizes = parse_years(args.years)
    if len(args.sizes) > 1:
        for option, given in (("--load", args.load), ("--kills", args.kills),
                              ("--compare", args.compare), ("--keep", args.keep)):  # fmt: skip
            if given:
                raise CommandError(
                    _("%(option)s measures one size: give --years one number.") % {"option": option}
                )
    args.years = args.sizes[-1]
    please = _("%(option)s %(given)s: please choose from %(least)s to %(most)s.")
    choose = _("%(option)s %(given)s: choose from %(least)s to %(most)s.")
    for option, given, least, most, said in (
        ("--requests", args.requests, 1, 10000, please),
        ("--clients", args.clients, 1, 64, please),
        ("--load-requests", args.load_requests, 1, 1_000_000, choose),
        ("--throughput-requests", args.throughput_requests, 1, 1_000_000, choose),
        ("--kills", args.kills, 0, 10000, please),
    ):
        if not least <= given <= most:
            raise CommandError(
                said % {"option": option, "given": given, "least": least, "most": most}
            )
    if args.compare is not None and not args.compare.is_file():
        raise CommandError(_("--compare %(path)s: there is no such file.") % {"path": args.compare})
    if args.database_url and not args.database_url.startswith(("postgres://", "postgresql://")):
        raise CommandError(_("--database-url must be a PostgreSQL address (postgres://…)."))


def _peak_memory_mb() -> float:
    try:
        import resource  # POSIX only; the command line must still start elsewhere
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _use_fresh_database(args: argparse.Namespace, data_dir: Path) -> str:
    """Point this process's settings at a new, empty database; return its description."""
    for name in [k for k in os.environ if k.startswith("TENDING_")]:
        if name not in ("TENDING_LOG_LEVEL",):
            del os.environ[name]
    os.environ["TENDING_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    if not args.database_url:
        return "SQLite"
    from tending.bench.postgres import create_database

    os.environ["DATABASE_URL"] = create_database(args.database_url)
    return "PostgreSQL"


def bench(args: argparse.Namespace) -> int:
    _check(args)
    if len(args.sizes) > 1:
        return _flat(args)
    data_dir = Path(tempfile.mkdtemp(prefix="tending-bench-"))
    try:
        database = _use_fresh_database(args, data_dir)
    except (OSError, ValueError) as exc:
        shutil.rmtree(data_dir, ignore_errors=True)
        raise CommandError(str(exc)) from None
    try:
        setup_django()
        migrate()
        return _run(args, database, data_dir)
    finally:
        _clean_up(args, data_dir)


def _flat(args: argparse.Namespace) -> int:
    from tending.bench import flat, report

    runs = flat.run_sizes(args.sizes, args.requests, args.database_url)
    result = flat.flat_report(runs)
    print()
    print(flat.flat_table(result))
    failures = flat.flat_failures(result)
    for run in runs:
        failures += [f"{run['years']} years: {line}" for line in report.page_failures(run)]
    if args.json:
        report.write_json(result, args.json)
        print("\n" + _("The JSON report is in %(path)s") % {"path": args.json})
    return _verdict(failures, args.no_fail)


def _verdict(failures: list[str], no_fail: bool, broken: bool = False) -> int:
    """Print what is over the bar; 1 if anything is (unless no_fail), or if `broken`."""
    if failures:
        lines = "".join(f"\n  {line}" for line in failures)
        print("\n" + _("Over the bar:") + lines, file=sys.stderr)
        if no_fail:
            print(_("(--no-fail: reported, not failed)"), file=sys.stderr)
    return 1 if broken or (failures and not no_fail) else 0


def _clean_up(args: argparse.Namespace, data_dir: Path) -> None:
    bench_url = os.environ.get("DATABASE_URL", "")
    if args.keep:
        if bench_url:
            print(
                _(
                    "The benchmark's data is kept in %(folder)s "
                    "and the PostgreSQL database %(name)s."
                )
                % {"folder": data_dir, "name": bench_url.rsplit("/", 1)[-1]}
            )
        else:
            print(_("The benchmark's data is kept in %(folder)s.") % {"folder": data_dir})
        return
    if bench_url:
        from django.db import connections

        from tending.bench.postgres import drop_database

        connections.close_all()
        drop_database(args.database_url, bench_url)
    shutil.rmtree(data_dir, ignore_errors=True)


def _run(args: argparse.Namespace, database: str, data_dir: Path) -> int:
    from django.contrib.auth import get_user_model

    from tending.bench import pages, report
    from tending.core import tokens as calendar
    from tending.demo import fill_demo
    from tending.today.models import CalendarFeed

    users = get_user_model().objects
    print(
        _("Generating %(years)s years of demo data on %(database)s…")
        % {"years": args.years, "database": database},
        flush=True,
    )
    started = time.monotonic()
    user = users.create_user(username=DEMO_USER, password=None)
    summary = fill_demo(user, years=args.years, seed=1)
    generate_seconds = time.monotonic() - started
    other = users.create_user(username=OTHER_USER, password=None)
    fill_demo(other, years=1, seed=2)  # someone else's rows, so isolation is real
    token = calendar.new_token()
    CalendarFeed.objects.create(owner=user, token_hash=calendar.token_hash(token))
    _settle(database)
    data = {k: v for k, v in asdict(summary).items()}
    print(
        "  " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in data.items()),
        f"in {generate_seconds:.1f} s",
        flush=True,
    )
    result = report.new_report(database, args.years, data)
    result["generate_seconds"] = round(generate_seconds, 2)
    result["peak_memory_after_generate_mb"] = round(_peak_memory_mb(), 1)

    print(
        _("Timing every page, %(requests)s requests each after a warm-up…")
        % {"requests": args.requests},
        flush=True,
    )
    samples = pages.samples_for(user, feed_token=token)
    floor, measured = pages.measure_pages(user, samples, requests=args.requests)
    result["floor"] = floor.as_dict()
    result["pages"] = [page.as_dict() for page in measured]
    result["peak_memory_mb"] = round(_peak_memory_mb(), 1)
    from tending.insights.measure import measure_analysis

    print(_("Timing a fresh insights analysis…"), flush=True)
    result["insights"] = measure_analysis(user, runs=max(3, min(args.requests, 11))).as_dict()
    failed = False
    if not args.no_exchange:
        from tending.exchange.measure import measure_exchange

        print(_("Timing the exports and the import…"), flush=True)
        folder = data_dir / "exchange"
        folder.mkdir()
        result["exchange"] = measure_exchange(user, folder).as_dict()

    if args.load:
        from tending.bench.load import run_load, run_throughput

        throughput = run_throughput(
            data_dir=data_dir,
            username=DEMO_USER,
            user=user,
            requests=args.throughput_requests,
            clients=args.clients,
        )
        result["throughput"] = throughput.as_dict()
        failed = failed or throughput.not_ok > 0

        load = run_load(
            data_dir=data_dir,
            username=DEMO_USER,
            user=user,
            requests=args.load_requests,
            clients=args.clients,
        )
        result["load"] = load.as_dict()
        failed = failed or not load.ok
    if args.kills:
        from tending.bench.durability import run_durability

        durability = run_durability(kills=args.kills, data_dir=data_dir / "durability", seed=1)
        result["durability"] = durability.as_dict()
        failed = failed or not durability.ok

    print()
    print(pages_and_summary(result, measured))
    if "load" in result:
        print()
        print(throughput.summary())
        print(load.summary())
    if "durability" in result:
        print()
        print(durability.summary())
    if args.json:
        report.write_json(result, args.json)
        print("\n" + _("The JSON report is in %(path)s") % {"path": args.json})
    if args.compare:
        try:
            old = report.read_json(args.compare, report.COMPARABLE_VERSIONS)
        except ValueError as exc:
            print(f"tending: {exc}", file=sys.stderr)
            return 1
        print()
        print(report.compare_table(result, old))
    failures = (
        report.page_failures(result)
        + report.throughput_failures(result)
        + report.exchange_failures(result)
        + report.insights_failures(result)
    )
    return _verdict(failures, args.no_fail, broken=failed)


def _settle(database: str) -> None:
    """Give PostgreSQL the statistics and visibility map a running server would have by now.

    Its autovacuum does both a while after large changes; measured straight after a bulk
    load, the planner would be guessing and counts could not use their indexes alone.
    SQLite gathers no statistics unless told to, and tending does not, so it is measured
    as it runs.
    """
    if database == "PostgreSQL":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # What generating left behind is garbage a server process would never have had.
    gc.collect()


def pages_and_summary(result: dict, measured) -> str:
    from tending.bench import report

    return "\n".join(
        [report.page_table(measured, result["floor"]), "", *report.summary_lines(result)]
    )
