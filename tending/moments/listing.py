"""The list of moments: a page of rows, how many there are (counted up to a cap), the filters'
choices. The reads are SQL written out: each is a plain indexed read that the database answers
in a fraction of the time the ORM took to build it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape as quote

from django.db import connection
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tending.core.capped_pages import CappedPage, capped_page
from tending.core.jinja import addresses
from tending.core.reads import as_stored
from tending.moments.queries import (
    CHANNELS,
    SHARING,
    day_span,
    list_times,
    people_and_tags,
    short_note,
)

PAGE_SIZE = 25
# Moments are counted up to here: past it the list says "More than 500 moments", and counting
# ten years of them for that one number would cost more than all the rest of the page.
COUNT_CAP = 500

CHOICES_SQL = """
SELECT 0, p."id", p."name", CASE WHEN p."is_archived" THEN 1 ELSE 0 END
FROM "circle_person" p WHERE p."owner_id" = %s
UNION ALL
SELECT 1, t."id", t."name", 0 FROM "core_tag" t WHERE t."owner_id" = %s
AND EXISTS (SELECT 1 FROM "{links}" l WHERE l."tag_id" = t."id")
ORDER BY 1, 4, 3, 2
"""


def filter_choices(
    user, tag_links: str = "moments_moment_tags"
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The people (archived last) and the tags still in use (on a row of `tag_links`, the
    moments' by default) offered as filters, as (id, name) by name, the names escaped. One
    query for both."""
    people, tags = [], []
    if not getattr(user, "is_authenticated", False):
        return people, tags
    with connection.cursor() as cursor:
        cursor.execute(CHOICES_SQL.format(links=tag_links), [user.pk, user.pk])
        for kind, pk, name, _ in cursor.fetchall():
            (tags if kind else people).append((pk, quote(name)))
    return people, tags


def options(rows: list[tuple[int, str]], chosen: str) -> SafeString:
    """A select's options after its empty one, as Django writes them, the names already
    escaped: written here once rather than escaped piece by piece in the template."""
    return mark_safe(
        "".join(
            f'<option value="{pk}"{" selected" if str(pk) == chosen else ""}>{name}</option>\n  '
            for pk, name in rows
        )
    )


@dataclass
class Narrowing:
    """The FROM and WHERE of the list's query, for the owner and the filters chosen."""

    sql: str
    params: list
    person_only: bool

    @classmethod
    def of(
        cls,
        user,
        person: int | None = None,
        tag: int | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Narrowing:
        joins, where, params = [], ['m."owner_id" = %s'], [user.pk]
        if person is not None:
            joins.append('INNER JOIN "moments_moment_people" p ON p."moment_id" = m."id"')
            where.append('p."person_id" = %s')
            params.append(int(person))
        if tag is not None:
            joins.append('INNER JOIN "moments_moment_tags" t ON t."moment_id" = m."id"')
            where.append('t."tag_id" = %s')
            params.append(int(tag))
        start, end = day_span(since, until)
        if start is not None:
            where.append('m."occurred_at" >= %s')
            params.append(start)
        if end is not None:
            where.append('m."occurred_at" < %s')
            params.append(end)
        sql = f'FROM "moments_moment" m {" ".join(joins)} WHERE {" AND ".join(where)}'
        only_person = person is not None and tag is None and since is None and until is None
        return cls(sql, params, only_person)

    def _counting(self, cap: int | None) -> tuple[str, list]:
        """The query counting the moments, no further than cap + 1, and its parameters."""
        if self.person_only:
            # A person's links only join them to their owner's moments: counting the links
            # (an index range) gives the same number without visiting any moment.
            inner, params = 'FROM "moments_moment_people" WHERE "person_id" = %s', self.params[1:]
        else:
            inner, params = self.sql, self.params
        if cap is None:
            return f"SELECT COUNT(*) {inner}", params
        return f"SELECT COUNT(*) FROM (SELECT 1 {inner} LIMIT %s) c", [*params, cap + 1]

    def count(self, cap: int | None) -> int:
        """How many moments there are, counting no further than cap + 1."""
        return _one(*self._counting(cap))

    def rows(self, offset: int, limit: int) -> list[tuple]:
        return self.counted_rows(None, offset, limit)[1]

    def counted_rows(self, cap: int | None, offset: int, limit: int) -> tuple[int, list[tuple]]:
        """A slice of the moments, newest first, and their count to the cap, in one query
        (None for the count when no cap is given). With no rows there is no count: the 0
        then says nothing."""
        counting, counting_params = ("NULL", []) if cap is None else self._counting(cap)
        occurred_at = as_stored('m."occurred_at"')
        sql = (
            f'SELECT ({counting}), m."id", {occurred_at}, m."channel", m."self_disclosure", '
            f'm."felt_understood", m."note" {self.sql} '
            'ORDER BY m."occurred_at" DESC, m."id" DESC LIMIT %s OFFSET %s'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*counting_params, *self.params, limit, offset])
            found = cursor.fetchall()
        return (found[0][0] if found else 0), [row[1:] for row in found]


def _one(sql: str, params: list) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def list_page(narrowing: Narrowing, asked: str | None, cap: int | None = None) -> CappedPage:
    """The page of moments asked for, counted up to the cap (see tending.core.capped_pages)."""
    page = capped_page(
        narrowing.count,
        narrowing.rows,
        asked,
        PAGE_SIZE,
        COUNT_CAP if cap is None else cap,
        together=narrowing.counted_rows,
    )
    page.object_list = moment_rows(page.object_list)
    return page


@dataclass(frozen=True)
class ListWords:
    """The words of a list of moments in the page's language, escaped: looked up once for
    the list, not for each row."""

    channels: dict[str, str]
    sharing: dict[int, str]
    shared: str  # "I shared: %(how)s"
    understood: str  # "understood %(score)s/5"


def _list_words() -> ListWords:
    return ListWords(
        {value: quote(str(label)) for value, label in CHANNELS.items()},
        {value: quote(str(label)) for value, label in SHARING.items()},
        quote(_("I shared: %(how)s")),
        quote(_("understood %(score)s/5")),
    )


PILL = '<span class="pill" dir="auto">{}</span> '  # a tag, as the list of moments shows it


def moment_rows(rows: list[tuple]) -> list[SafeString]:
    """The rows as the list shows them (see `moment_items`), with their people and tags."""
    people, tags = people_and_tags([row[0] for row in rows])
    return moment_items(
        rows,
        {pk: [name for _, name in found] for pk, found in people.items()},
        {pk: [name for _, name in found] for pk, found in tags.items()},
    )


def moment_items(
    rows: list[tuple], people: dict[int, list[str]], tags: dict[int, list[str]], tag: str = PILL
) -> list[SafeString]:
    """Moments (id, occurred_at, channel, self_disclosure, felt_understood, note), each a
    whole list item written here as HTML: its time linking to the moment, its line of
    people (by name, from `people`), channel and ratings, its note cut short and its tags
    (each written with `tag`), the text escaped as the templates escape it (an apostrophe as
    &#x27;). A template drawing twenty-five of them cost more than all the rest of the page."""
    shown = []
    times = list_times([row[1] for row in rows])
    address = addresses("moments:detail")
    words = _list_words() if rows else None
    for (pk, _at, channel, self_disclosure, understood, note), when in zip(
        rows, times, strict=True
    ):
        line = ", ".join(f"<bdi>{quote(name)}</bdi>" for name in people.get(pk, ()))
        if channel:
            line += f" · {words.channels.get(channel) or quote(channel)}"
        if self_disclosure is not None:
            how = words.sharing.get(self_disclosure) or quote(str(self_disclosure))
            line += " · " + words.shared % {"how": how}
        if understood:
            line += " · " + words.understood % {"score": understood}
        item = (
            f'<li>\n  <a href="{address(pk)}"><span class="when">{quote(when)}</span></a>\n'
            f"  <div>{line}</div>\n"
        )
        if note:
            item += f'  <div class="muted" dir="auto">{quote(short_note(note))}</div>\n'
        if tags.get(pk):
            pills = "".join(tag.format(quote(name)) for name in tags[pk])
            item += f"  <div>{pills}</div>\n"
        shown.append(SafeString(item + "</li>\n"))
    return shown
