"""Journal pages: the list and its calendar, an entry, writing, editing, deleting, searching."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from tending.core.capped_pages import CappedPage, capped_page
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.journal.calendar_grid import month_weeks, nearest_before
from tending.journal.forms import DraftForm, EntryForm, MonthForm, SearchForm
from tending.journal.kept_searches import keep_search, recall_asked
from tending.journal.models import Entry
from tending.journal.offering import offer_prompt
from tending.journal.prompts import get_prompt
from tending.journal.queries import draft_for, first_of_month, next_month
from tending.journal.rows import (
    TOTAL_UP_TO,
    count_entries,
    days_written,
    entry_rows,
    month_index,
    nearby_months,
)
from tending.journal.search import PAGE_WINDOW, Matches
from tending.journal.services import delete_entry, keep_draft, save_entry

LIST_PAGE_SIZE = 20
# Past this many entries the latest-entries list pages on without a count, as the moments
# list does; a month or a year in the index is counted from the index itself, and the index
# counts all entries up to just past the same number.
LIST_CAP = TOTAL_UP_TO


@dataclass(frozen=True, slots=True)
class Calendar:
    """The calendar above the list: one month's weeks, and the names of the days."""

    month: date
    weeks: list
    weekdays: list[tuple[str, str]]


def _calendar(user, month: date, today: date) -> tuple[Calendar, dict[int, int]]:
    """`month` as a calendar of the days written about (one query), and their counts."""
    written = days_written(user, month)
    # The language's first day of the week (Django's formats count Sunday 0; dates Monday 0).
    first = (get_format("FIRST_DAY_OF_WEEK") - 1) % 7
    order = [(first + n) % 7 for n in range(7)]
    weekdays = [(str(WEEKDAYS_ABBR[n]), str(WEEKDAYS[n])) for n in order]
    return Calendar(month, month_weeks(month, written, today, first), weekdays), written


@login_required
@require_GET
def entry_list(request):
    """The newest entries whatever their month, in pages, under a calendar of this month's
    days written, with the months as an index (this year's and last year's with counts;
    earlier years one link each, opened with ?year=). ?month= and ?day= narrow the list."""
    cleaned = {}
    if request.GET:  # the form is made only when there is something to read (a tenth of the page)
        form = MonthForm(request.GET, user=request.user)
        cleaned = form.cleaned_data if form.is_valid() else {}
    person = cleaned.get("person")
    context = {"person": person, "day": None, "month": None, "year": None, "years": []}
    context["more_years"] = False
    context.update(calendar=None, earlier=None, later=None)
    if person is not None:
        page = _page_of(request, person_id=person.pk)
        context.update(page=page, entries=page.object_list)
        return render(request, "journal/list.html", context)
    day = cleaned.get("day")
    picked = day or cleaned.get("month")
    month = first_of_month(picked) if picked else None
    year = None if month else cleaned.get("year")
    opened = month.year if month else year
    today = timezone.localdate()
    index = month_index(request.user, today, opened, total=opened is None)
    context.update(day=day, month=month, year=year, years=index.years)
    context["more_years"] = index.more_years
    if year:
        since, before = date(year, 1, 1), date(year + 1, 1, 1)
        count = index.count(since, before)
        page = _page_of(request, count, since=since, before=before)
    elif month:
        after = next_month(month)
        context["calendar"], written = _calendar(request.user, month, today)
        # Step to the nearest months that have entries, so no click lands on an empty one.
        context["earlier"], context["later"] = nearby_months(request.user, month, after)
        if day:
            count = written.get(day.day, 0)
            page = _page_of(request, count, since=day, before=day + timedelta(days=1))
        else:
            count = index.count(month, after)
            page = _page_of(request, count, since=month, before=after)
    else:
        count = index.total
        if count:
            # This month's days, and the latest entries below whatever their month: early
            # in a month the list is never empty while there is anything written before.
            shown = first_of_month(today)
            context["calendar"], _ = _calendar(request.user, shown, today)
            context["earlier"] = nearest_before([m.month for m in index.months], shown)
        page = _page_of(request, count)
    context.update(page=page, entries=page.object_list, entry_count=count)
    return render(request, "journal/list.html", context)


def _page_of(request, count: int | None = None, **narrowing) -> CappedPage:
    """The asked-for page of the person's entries, as rows: `count` of them when the index
    counted them already, else counted up to the cap (tending.core.capped_pages)."""
    user = request.user

    def counted(cap: int | None) -> int:
        # A count capped at LIST_CAP + 1 serves until every row must be counted (a page
        # asked for past the end of more than the cap).
        if count is not None and (cap is not None or count <= LIST_CAP):
            return count
        return count_entries(user, cap=cap, **narrowing)

    def rows(offset: int, limit: int) -> list:
        return entry_rows(user, offset, offset + limit, **narrowing)

    return capped_page(counted, rows, request.GET.get("page"), LIST_PAGE_SIZE, LIST_CAP)


def _entry_form(request, entry: Entry, initial: dict) -> tuple[EntryForm, bool]:
    """The writing form for a new entry or an existing one, and whether a draft filled it.

    Posted, it holds what was sent; opened, it holds the draft kept while the person was
    writing, when that is newer than what is saved.
    """
    kept = False
    if request.method == "GET":
        draft = draft_for(request.user, entry if entry.pk else None)
        if draft is not None:
            initial = {**initial, "title": draft.title, "body": draft.body}
            kept = True
    form = EntryForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        instance=entry,
        initial=initial,
    )
    return form, kept


def _saved(request, form: EntryForm, entry: Entry, said: str) -> HttpResponse | None:
    """Save a valid posted entry and go to it; None when there is nothing to save yet."""
    if request.method != "POST" or not form.is_valid():
        return None
    entry = save_entry(
        request.user,
        form.save(commit=False),
        people=form.cleaned_data["people"],
        tag_names=form.cleaned_data["tag_names"],
    )
    messages.success(request, said)
    return redirect("journal:detail", journal_entry_id=entry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add(request):
    prompt = get_prompt(request.POST.get("prompt_id", "") or request.GET.get("prompt", ""))
    initial = {"written_on": timezone.localdate(), "prompt_id": prompt.id if prompt else ""}
    entry = Entry(owner=request.user)
    form, kept = _entry_form(request, entry, initial)
    if (done := _saved(request, form, entry, gettext("Saved to your journal."))) is not None:
        return done
    another = None
    if prompt is not None:
        another = offer_prompt(request.user, f"{request.user.pk}:{prompt.id}", skip_ids=[prompt.id])
    context = {
        "form": form,
        "entry": None,
        "adding": True,
        "prompt": prompt,
        "another": another,
        "kept": kept,
    }
    return render(request, "journal/form.html", context)


@login_required
def detail(request, journal_entry_id: int):
    entry = one_or_404(owned(Entry, request.user), pk=journal_entry_id)
    context = {
        "entry": entry,
        "body_html": entry.html(),
        "people": list(entry.people.order_by("name", "pk").values_list("pk", "name")),
        "tags": list(entry.tags.order_by("name", "pk").values_list("pk", "name")),
        "prompt": get_prompt(entry.prompt_id) if entry.prompt_id else None,
    }
    return render(request, "journal/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, journal_entry_id: int):
    entry = get_owned_or_404(Entry, request.user, pk=journal_entry_id)
    form, kept = _entry_form(request, entry, {})
    if (done := _saved(request, form, entry, gettext("Saved."))) is not None:
        return done
    context = {
        "form": form,
        "entry": entry,
        "adding": False,
        "another": None,
        "kept": kept,
        "prompt": get_prompt(entry.prompt_id) if entry.prompt_id else None,
    }
    return render(request, "journal/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, journal_entry_id: int):
    entry = get_owned_or_404(Entry, request.user, pk=journal_entry_id)
    if request.method == "POST":
        delete_entry(entry)
        messages.success(request, gettext("That entry is deleted."))
        return redirect("journal:list")
    return render(request, "journal/delete.html", {"entry": entry})


SEARCH_FIELDS = ("q", "tag", "person", "since", "until")
SEARCH_PAGE_SIZE = 10  # hits, each with its piece of text: ten read calmly on a phone


@login_required
@require_http_methods(["GET", "POST"])
def search(request):
    """Search; the words are posted and kept in the session, never put in the address."""
    if request.method == "POST" or request.GET.get("q"):
        source = request.POST if request.method == "POST" else request.GET
        fields = {name: source.get(name, "") for name in SEARCH_FIELDS if source.get(name)}
        if not fields:
            return redirect("journal:search")
        checked = SearchForm(fields, user=request.user)
        if "q" in fields and not checked.is_valid() and "q" in checked.errors:
            # Said now, with the real length: a kept search is cut short, so it could not be.
            context = {"form": checked, "hits": [], "searched": False, "forgotten": False}
            return render(request, "journal/search.html", context)
        return redirect(f"{reverse('journal:search')}?s={keep_search(request.session, fields)}")
    data, forgotten = recall_asked(request)
    if not request.GET.get("s") and any(request.GET.get(name) for name in SEARCH_FIELDS):
        data = request.GET  # a tag or a person tapped elsewhere: ids, not words
    form = SearchForm(data, user=request.user)
    hits, searched, page, by_relevance, more = [], False, None, False, False
    if form.is_bound:
        form.is_valid()  # a bad filter is shown with its message and left out
        cleaned = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
        words = cleaned.pop("q", "") or ""
        filters = {k: v for k, v in cleaned.items() if v is not None}
        searched = bool(words.strip() or filters)
        if searched:
            found = Matches(request.user, words, window=PAGE_WINDOW, **filters)
            page = Paginator(found, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
            hits = page.object_list
            by_relevance = bool(found.terms)  # words: best first; filters alone: newest first
            more = found.more
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "hits": hits,
        "page": page,
        "by_relevance": by_relevance,
        "more": more,
        "query": query.urlencode(),
        "searched": searched,
        "forgotten": forgotten,
    }
    return render(request, "journal/search.html", context)


@login_required
@post_only("journal:add")
def autosave(request):
    """Keep what is being typed (sent by journal.js as the person writes)."""
    form = DraftForm(request.POST, user=request.user)
    if not form.is_valid():
        return HttpResponse(status=400)
    data = form.cleaned_data
    keep_draft(request.user, data["draft_entry"], data["title"], data["body"])
    return HttpResponse(status=204)
