"""Journal entries: the list with the web's filters, writing through the web's form, and search."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    FormInvalid,
    PageQuery,
    Problem,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    form_problems,
    make_cursor,
    one_page,
    read_cursor,
    valid_or_422,
    with_etag,
)
from tending.api.tags import tag_id_named
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.journal.forms import EntryForm, SearchForm
from tending.journal.models import Entry, heading
from tending.journal.prompts import get_prompt
from tending.journal.search import MAX_SEARCH_LENGTH, PAGE_WINDOW, Matches
from tending.journal.services import delete_entry, save_entry
from tending.moments.queries import people_and_tags

router = Router(tags=["journal"])

# The form's names for what the API calls person_ids and tags, for the `loc` of a problem.
FORM_NAMES = {"people": "person_ids", "tag_names": "tags"}
FILTER_NAMES = {"person": "person_id"}
# What a list reads of an entry: never the stored HTML or plain words, made from the body.
LISTED = ("id", "owner_id", "written_on", "title", "body", "prompt_id", "created_at", "updated_at")


class JournalEntryOut(Shown):
    id: int
    written_on: date
    title: str
    heading: str = Field(description="The title, or the day written out when it has none.")
    body: str = Field(description="As written, in Markdown.")
    person_ids: list[int] = Field(description="Who is in it (by name), @mentions included.")
    tags: list[str]
    prompt_id: str | None = Field(description="The prompt from the library it answers, if any.")
    created_at: datetime
    updated_at: datetime


class JournalEntryDetail(JournalEntryOut):
    # Made from the body by the renderer, and from the prompt library: they change with
    # tending's version, not with anyone's writing.
    DERIVED: ClassVar[frozenset[str]] = frozenset({"body_html", "prompt"})

    body_html: str = Field(description="The body as safe HTML, as the entry's page shows it.")
    prompt: str | None = Field(description="The prompt's words, while the library has it.")


class JournalEntryPage(Shown):
    items: list[JournalEntryOut]
    next: str | None


class JournalEntryIn(Schema):
    written_on: date | None = Field(None, description="The day it is about. Empty: today.")
    title: str = ""
    body: str = Field(description="Markdown; type @Name to link someone of your circle.")
    person_ids: list[int] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    prompt_id: str = Field("", max_length=100, description="A prompt of the library, if any.")


class JournalEntryChange(Schema):
    written_on: date | None = None
    title: str | None = None
    body: str | None = None
    person_ids: list[int] | None = None
    tags: list[str] | None = None
    prompt_id: str | None = Field(None, max_length=100)


class NarrowingQuery(Schema):
    tag: str | None = Field(None, max_length=100, description="A tag's name.")
    person_id: int | None = Field(None, description="Entries with this person in them.")
    since: str | None = Field(None, max_length=40, description="From this day (YYYY-MM-DD).")
    until: str | None = Field(None, max_length=40, description="Up to this day, included.")


class EntryFilter(PageQuery, NarrowingQuery):
    prompt_id: str | None = Field(None, max_length=100, description="Answers to this prompt.")


class SearchQuery(NarrowingQuery):
    # No length limit here: the web's form says how long a search may be, in its words.
    q: str = Field("", description=f"Words to find (at most {MAX_SEARCH_LENGTH} characters).")
    cursor: str | None = Field(None, description="The `next` of the previous page.")
    limit: int = Field(10, ge=1, le=PAGE_WINDOW, description="How many to return (1-50).")


class SearchHit(Shown):
    id: int
    written_on: date
    title: str
    heading: str
    title_html: str = Field(description="The heading, escaped, the words found in <mark>.")
    snippet_html: str = Field(description="A piece of the body around the first match.")
    rank: float = Field(description="Higher is a better match; 0 when no words were given.")


class SearchPage(Shown):
    items: list[SearchHit]
    next: str | None
    count: int = Field(description=f"How many match, counted no further than {PAGE_WINDOW}.")
    more: bool = Field(description=f"More than {PAGE_WINDOW} match: add a word to narrow it.")
    by_relevance: bool = Field(description="Best match first (words given), else newest first.")


def _links(entry_ids: list[int]) -> dict[int, tuple[list[int], list[str]]]:
    """Each entry's people (ids, by name) and tags (names): one query however many."""
    people, tags = people_and_tags(entry_ids, Entry)
    return {
        pk: ([person for person, _ in people.get(pk, [])], [name for _, name in tags.get(pk, [])])
        for pk in entry_ids
    }


def _listed(entry: Entry, links: tuple[list[int], list[str]]) -> JournalEntryOut:
    return JournalEntryOut(
        id=entry.pk,
        written_on=entry.written_on,
        title=entry.title,
        heading=heading(entry.title, entry.written_on),
        body=entry.body,
        person_ids=links[0],
        tags=links[1],
        prompt_id=entry.prompt_id or None,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def _shown(entry: Entry) -> JournalEntryDetail:
    prompt = get_prompt(entry.prompt_id) if entry.prompt_id else None
    listed = _listed(entry, _links([entry.pk])[entry.pk])
    return JournalEntryDetail(
        **listed.model_dump(), body_html=str(entry.html()), prompt=prompt.text if prompt else None
    )


def _narrowing(user, filters: NarrowingQuery, place: str = "query") -> dict:
    """The tag, person and dates asked for, checked by the journal search's own form (its
    messages, a 422 at the query's field); {} when none is asked for."""
    fields = {
        "tag": _tag_id(user, filters.tag) if filters.tag else None,
        "person": filters.person_id,
        "since": filters.since,
        "until": filters.until,
        "q": getattr(filters, "q", None),
    }
    fields = {name: value for name, value in fields.items() if value not in (None, "")}
    if not fields:
        return {}
    form = SearchForm(fields, user=user)
    if not form.is_valid():
        raise FormInvalid(
            [{**p, "loc": [place, *p["loc"][1:]]} for p in form_problems(form, FILTER_NAMES)]
        )
    return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}


def _tag_id(user, name: str) -> str:
    """The id of the person's tag of this name (as it is kept: trimmed, lower case); an id
    no tag has when there is none, so the form says so in its own words."""
    return str(tag_id_named(user, name))


@router.get("/journal", response={200: JournalEntryPage, **READ_ERRORS})
def list_entries(request: HttpRequest, filters: Query[EntryFilter]):
    """The person's entries, newest first (by the day they are about), narrowed by tag,
    person, a range of days (inclusive) or the prompt they answer."""
    narrowed = _narrowing(request.user, filters)
    entries = owned(Entry, request.user).only(*LISTED)
    if "tag" in narrowed:
        entries = entries.filter(tags=narrowed["tag"])
    if "person" in narrowed:
        entries = entries.filter(people=narrowed["person"])
    if "since" in narrowed:
        entries = entries.filter(written_on__gte=narrowed["since"])
    if "until" in narrowed:
        entries = entries.filter(written_on__lte=narrowed["until"])
    if filters.prompt_id:
        entries = entries.filter(prompt_id=filters.prompt_id)
    rows, after = one_page(entries, ("-written_on", "-id"), filters.cursor, filters.limit)
    links = _links([entry.pk for entry in rows])
    return {"items": [_listed(entry, links[entry.pk]) for entry in rows], "next": after}


def _save(request: HttpRequest, entry: Entry, changes: dict, *, partial: bool) -> Entry:
    """Through the web's form and its save: @mentions linked, tags made; a draft being
    written on the web is left alone."""
    if "person_ids" in changes:
        changes["people"] = changes.pop("person_ids")
    if "tags" in changes:
        tags = changes.pop("tags")  # null: none, as an empty field on the web
        changes["tag_names"] = None if tags is None else ", ".join(tags)
    form = bound_form(EntryForm, changes, partial=partial, user=request.user, instance=entry)
    valid_or_422(form, FORM_NAMES)
    return save_entry(
        request.user,
        form.save(commit=False),
        people=form.cleaned_data["people"],
        tag_names=form.cleaned_data["tag_names"],
        from_the_draft=False,  # what is being written on the web stays
    )


@router.post("/journal", response={201: JournalEntryDetail, **WRITE_ERRORS})
def add_entry(request: HttpRequest, response: HttpResponse, body: JournalEntryIn):
    changes = body.model_dump()
    if changes["written_on"] is None:
        changes["written_on"] = timezone.localdate()  # as the web's form starts
    entry = _save(request, Entry(owner=request.user), changes, partial=False)
    return Status(201, with_etag(response, _shown(entry)))


@router.post("/journal/search", response={200: SearchPage, **READ_ERRORS, 403: Problem})
def search_entries(request: HttpRequest, query: SearchQuery):
    """The web's journal search: all the words (a "quoted phrase" together), best match first;
    with only a tag, person or days, every entry they narrow to, newest first. Only the 50
    entries written into tending last that match are ranked, as on the web.

    A POST, as on the web, so the words are never in an address (nor in a proxy's log); it
    only reads, so a read-only token may send it."""
    narrowed = _narrowing(request.user, query, place="body")
    words = narrowed.pop("q", "")
    start = read_cursor(query.cursor, 1)[0] if query.cursor else 0
    if not (words.strip() or narrowed):
        return {"items": [], "next": None, "count": 0, "more": False, "by_relevance": False}
    found = Matches(request.user, words, window=PAGE_WINDOW, **narrowed)
    count = found.count()
    hits = found[start : start + query.limit] if start < count else []
    after = start + query.limit
    items = [
        SearchHit(
            id=hit.entry.pk,
            written_on=hit.entry.written_on,
            title=hit.entry.title,
            heading=hit.entry.heading,
            title_html=str(hit.title_html),
            snippet_html=str(hit.snippet_html),
            rank=hit.rank,
        )
        for hit in hits
    ]
    return {
        "items": items,
        "next": make_cursor([after]) if after < count else None,
        "count": count,
        "more": found.more,
        "by_relevance": bool(found.terms),
    }


@router.get("/journal/{journal_entry_id}", response={200: JournalEntryDetail, **READ_ERRORS})
def get_entry(request: HttpRequest, response: HttpResponse, journal_entry_id: int):
    entry = get_owned_or_404(Entry, request.user, pk=journal_entry_id)
    return with_etag(response, _shown(entry))


@router.patch("/journal/{journal_entry_id}", response={200: JournalEntryDetail, **WRITE_ERRORS})
def change_entry(
    request: HttpRequest, response: HttpResponse, journal_entry_id: int, body: JournalEntryChange
):
    """Change what is sent; the rest stays as it is. @mentions in the new words are linked."""
    with transaction.atomic():
        entry = one_or_404(owned(Entry, request.user).select_for_update(), pk=journal_entry_id)
        check_if_match(request, etag_of(_shown(entry)))
        changes = body.model_dump(exclude_unset=True)
        if changes:
            entry = _save(request, entry, changes, partial=True)
    return with_etag(response, _shown(entry))


@router.delete("/journal/{journal_entry_id}", response={204: None, **WRITE_ERRORS})
def remove_entry(request: HttpRequest, journal_entry_id: int):
    with transaction.atomic():
        entry = one_or_404(owned(Entry, request.user).select_for_update(), pk=journal_entry_id)
        check_if_match(request, etag_of(_shown(entry)))
        delete_entry(entry)
    return Status(204, None)
