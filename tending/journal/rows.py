"""Journal entries as plain rows for the list pages: a page of them in a fixed number of queries.

A list shows a date, a title, the first words and who and what an entry is tagged with. Those
come as values, not model objects: the page's entries in one query (only the head of each
body's stored plain words, never its Markdown), their people and tags in one. The month index
is counted by the database from the (owner, written_on) index, over this year and last only:
older years are found by one index seek each, and counted when opened. The calendar's days
are counted the same way, one month at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection

from tending.core.date_format import format_date, local_format, names, quick_format
from tending.core.dates import stored_day
from tending.core.text import cut
from tending.journal.models import Entry
from tending.journal.plain import plain_title
from tending.journal.queries import next_month
from tending.journal.rendering import RENDERER_VERSION

SNIPPET_LENGTH = 160


@dataclass(slots=True)
class EntryRow:
    """What a list shows of one entry."""

    pk: int
    written_on: date
    when: str  # written_on as the date filter gives it with "D j M Y", in the page's language
    title: str
    snippet: str
    people: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class MonthRow:
    """A month that has entries, for the index: its first day, `YYYY-MM`, name and count."""

    month: date
    key: str
    name: str
    entries: int


SHORT_DAY = "D j M Y"


def short_day(day: date) -> str:
    """`day` as the date filter writes it with "D j M Y", as the page's language writes a
    date ("Sun 14 Jun 2026", "So, 14. Jun 2026")."""
    return format_date(day, SHORT_DAY)


SNIPPET_READ = 4 * SNIPPET_LENGTH  # characters of the stored plain words read for a snippet
# What a row is made from (rows_from); `{p}` is the table's alias and a dot, or nothing.
# The day as its text (Python's sqlite3 would send a date column through Django's converter,
# the long way round; `_day` reads the text at once, from either database).
HEAD_COLUMNS_OF = (
    "{p}id, CAST({p}written_on AS TEXT), {p}title, substr({p}body_plain, 1, "
    + str(SNIPPET_READ)
    + "), {p}rendered_with"
)
HEAD_COLUMNS = HEAD_COLUMNS_OF.format(p="")


ENTRIES = Entry._meta.db_table
PEOPLE = Entry.people.through._meta.db_table
TAGS = Entry.tags.through._meta.db_table
PERSON = Entry.people.field.related_model._meta.db_table
TAG = Entry.tags.field.related_model._meta.db_table


def _fetch(sql: str, params: list) -> list[tuple]:
    # Plain SQL: these few statements run on every list page, and building them through the
    # ORM cost several times what the database takes to answer them.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _narrowing(user, since: date | None, before: date | None, person_id: int | None):
    where, params = ["owner_id = %s"], [user.pk]
    if since is not None:
        where.append("written_on >= %s")
        params.append(since)
    if before is not None:
        where.append("written_on < %s")
        params.append(before)
    if person_id is not None:
        where.append(f"id IN (SELECT entry_id FROM {PEOPLE} WHERE person_id = %s)")
        params.append(person_id)
    return " AND ".join(where), params


def count_entries(user, since=None, before=None, person_id=None, cap: int | None = None) -> int:
    """How many of the person's entries fall in [since, before) or are about one person,
    counted no further than `cap` + 1 when a cap is given."""
    where, params = _narrowing(user, since, before, person_id)
    limit = "" if cap is None else f" LIMIT {int(cap) + 1}"
    return _fetch(f"SELECT count(*) FROM (SELECT 1 FROM {ENTRIES} WHERE {where}{limit}) e", params)[
        0
    ][0]


def entry_rows(user, start: int, stop: int, since=None, before=None, person_id=None):
    """Entries `start` to `stop`, newest first, in [since, before) or about one person, as
    rows with their people's and tags' names: two queries."""
    where, params = _narrowing(user, since, before, person_id)
    found = _fetch(
        f"SELECT {HEAD_COLUMNS} FROM {ENTRIES} WHERE {where} "
        f"ORDER BY written_on DESC, id DESC LIMIT {int(stop - start)} OFFSET {int(start)}",
        params,
    )
    rows = rows_from(found)
    if rows:
        by_pk = {row.pk: row for row in rows}
        marks = ", ".join(["%s"] * len(by_pk))
        names = _fetch(
            f"SELECT 0, l.entry_id, p.name, p.id FROM {PEOPLE} l "
            f"JOIN {PERSON} p ON p.id = l.person_id WHERE l.entry_id IN ({marks}) "
            f"UNION ALL SELECT 1, l.entry_id, t.name, t.id FROM {TAGS} l "
            f"JOIN {TAG} t ON t.id = l.tag_id WHERE l.entry_id IN ({marks}) "
            "ORDER BY 1, 3, 4",
            [*by_pk, *by_pk],
        )
        for kind, entry_id, name, _ in names:
            row = by_pk[entry_id]
            (row.tags if kind else row.people).append(name)
    return rows


def rows_from(found: list[tuple]) -> list[EntryRow]:
    """Rows, without their people and tags, from (id, written_on, title, the head of
    body_plain, rendered_with) as `HEAD_COLUMNS` reads them. An entry last rendered by an
    older renderer is rendered again and kept first, so its words are current."""
    stale = [pk for pk, *_, version in found if version != RENDERER_VERSION]
    fresh = {}
    for entry in Entry.objects.filter(pk__in=stale) if stale else ():
        entry.html()  # made again with the current renderer, and kept, plain words too
        fresh[entry.pk] = entry.body_plain[:SNIPPET_READ]
    rows = []
    shown_as = local_format(SHORT_DAY)  # the language's format, looked up once for the rows
    for pk, day, title, head, _ in found:
        day = stored_day(day)
        snippet = cut(fresh.get(pk, head), SNIPPET_LENGTH)
        when = quick_format(day, shown_as) or short_day(day)
        rows.append(EntryRow(pk, day, when, plain_title(title), snippet))
    return rows


def _month_key() -> str:
    # The date's first seven characters (YYYY-MM): no function of Python's called per row.
    if connection.vendor == "postgresql":
        return "to_char(written_on, 'YYYY-MM')"
    return "substr(written_on, 1, 7)"


# The index shows this many years before last year as links; older ones are reached by
# typing the year, so the index costs the same after thirty years as after three.
EARLIER_YEARS = 6
# The index's count of all entries stops just past this (the list pages on past it).
TOTAL_UP_TO = 500


def _index_rows(user, spans, before: date, total: bool) -> list[tuple]:
    """One query for the list's index: (0, YYYY-MM, count) for each month with entries in each
    [start, stop) of `spans`, each counted from its own stretch of the (owner, written_on)
    index; (1, YYYY, 0) for each year before `before` with entries, found by one index seek
    per year (the latest day before the year found last), never counted; and with `total`,
    (2, '', how many entries there are)."""
    if connection.vendor == "postgresql":
        new_year, year = (
            "make_date(extract(year FROM y.latest)::int, 1, 1)",
            "to_char(latest, 'YYYY')",
        )
    else:
        new_year, year = "substr(y.latest, 1, 4) || '-01-01'", "substr(latest, 1, 4)"
    latest = f"SELECT max(written_on) FROM {ENTRIES} WHERE owner_id = %s AND written_on < "
    # At most EARLIER_YEARS + 1 seeks: one more than are shown tells whether there are more.
    sql = [
        f"WITH RECURSIVE y(latest, step) AS (SELECT ({latest} %s), 1 "
        f"UNION ALL SELECT ({latest} {new_year}), step + 1 FROM y "
        f"WHERE y.latest IS NOT NULL AND step <= {EARLIER_YEARS}) "
        f"SELECT 1 AS kind, {year} AS k, 0 AS n FROM y WHERE latest IS NOT NULL"
    ]
    params = [user.pk, before, user.pk]
    for start, stop in spans:
        until = "" if stop is None else " AND written_on < %s"
        sql.append(
            f"SELECT 0, {_month_key()} AS m, count(*) FROM {ENTRIES} "
            f"WHERE owner_id = %s AND written_on >= %s{until} GROUP BY m"
        )
        params += [user.pk, start, *([] if stop is None else [stop])]
    if total:
        sql.append(
            f"SELECT 2, '', count(*) FROM (SELECT 1 FROM {ENTRIES} WHERE owner_id = %s "
            f"LIMIT {TOTAL_UP_TO + 1}) every_entry"
        )
        params.append(user.pk)
    return _fetch(" UNION ALL ".join(sql) + " ORDER BY 1, 2 DESC", params)


def days_written(user, month: date) -> dict[int, int]:
    """How many of the person's entries are about each day of `month` that has any (day of
    the month: count): one query, over the month's stretch of the (owner, written_on) index."""
    found = _fetch(
        f"SELECT written_on, count(*) FROM {ENTRIES} "
        "WHERE owner_id = %s AND written_on >= %s AND written_on < %s GROUP BY written_on",
        [user.pk, month, next_month(month)],
    )
    return {stored_day(day).day: count for day, count in found}


def nearby_months(user, month: date, after: date) -> tuple[date | None, date | None]:
    """The nearest months before `month` and from `after` on that have entries: two seeks."""
    seek = f"SELECT %s(written_on) FROM {ENTRIES} WHERE owner_id = %%s AND written_on %s %%s"
    ((earlier, later),) = _fetch(
        f"SELECT ({seek % ('max', '<')}), ({seek % ('min', '>=')})",
        [user.pk, month, user.pk, after],
    )
    return tuple(None if d is None else stored_day(d).replace(day=1) for d in (earlier, later))


@dataclass(slots=True)
class MonthIndex:
    """The list's index: recent years (and an opened one) by month with counts, older ones
    as bare years. Its cost stays the same however many years the journal holds."""

    months: list[MonthRow]
    years: list[tuple[int, list[MonthRow] | None]]
    total: int | None  # how many entries in all (up to TOTAL_UP_TO + 1), when asked for
    more_years: bool = False  # entries in years before those listed

    def count(self, start: date, stop: date) -> int:
        return sum(m.entries for m in self.months if start <= m.month < stop)


def month_index(user, today: date, opened: int | None = None, total: bool = False) -> MonthIndex:
    """The months of this year and last with their counts, the years before as links, and
    the months of the `opened` year (one of those) with theirs; with `total`, how many
    entries there are in all: one query."""
    recent = date(today.year - 1, 1, 1)
    spans: list[tuple[date, date | None]] = [(recent, None)]
    if opened is not None and opened < recent.year:
        spans.append((date(opened, 1, 1), date(opened + 1, 1, 1)))
    month_names = names().months
    months, years, count = [], [], None
    for kind, key, n in _index_rows(user, spans, recent, total):
        if kind == 0:
            year, month = int(key[:4]), int(key[5:7])
            months.append(MonthRow(date(year, month, 1), key, month_names[month], n))
        elif kind == 1:
            years.append(int(key))  # newest first: ORDER BY 1, 2 DESC
        else:
            count = n
    more_years = len(years) > EARLIER_YEARS
    years = years[:EARLIER_YEARS]
    by_year: dict[int, list[MonthRow] | None] = {}
    for item in months:
        by_year.setdefault(item.month.year, []).append(item)  # type: ignore[union-attr]
    for year in years:
        by_year.setdefault(year, None)
    return MonthIndex(months, sorted(by_year.items(), reverse=True), count, more_years)
