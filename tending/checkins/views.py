"""Check-in pages: the list, doing one, its result, history, deleting, and how often."""

from __future__ import annotations

from datetime import UTC, datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tending.checkins.chart import history_chart
from tending.checkins.definitions import Instrument
from tending.checkins.forms import CheckInForm, FrequencyForm, field_name
from tending.checkins.models import CheckIn, CheckInChoice, Frequency
from tending.checkins.queries import (
    around,
    drafts,
    frequencies,
    history_count,
    history_slice,
    is_due,
    overview,
    scores_since,
)
from tending.checkins.registry import shown_instrument, shown_instruments
from tending.checkins.scoring import change_since, safety_fired
from tending.checkins.services import delete_checkin, save_checkin, save_draft
from tending.checkins.templating import day_words
from tending.checkins.translations import BASE
from tending.core.capped_pages import capped_page
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, owned
from tending.insights import chart_data
from tending.insights.charts.circle import day_of
from tending.insights.charts.scores import score_chart
from tending.insights.charts.series import RANGES, needs_weekly, range_key, range_start

CHART_POINTS = 30
SPARK_POINTS = 8  # the list of check-ins draws each one's last few scores
HOW_OFTEN = dict(Frequency.choices)  # English: each is translated as it is shown
HISTORY_PAGE_SIZE = 50  # a daily check is years of rows; one page is about seven weeks
# Counted up to here (ten pages); past it the page says "more than 500" rather than count
# years of rows for one number.
HISTORY_COUNT_CAP = 500
# What the history's chart says of each of its ranges (the keys of RANGES in
# tending/insights/charts/series.py), each a whole phrase: a language words "the last 3
# months" and "the last year" apart.
RANGE_NAMES = {
    "3m": gettext_lazy("3 months"),
    "1y": gettext_lazy("1 year"),
    "all": gettext_lazy("All"),
}
RANGE_TEXTS = {
    "3m": {
        "heading": gettext_lazy("Over the last 3 months"),
        "chart": gettext_lazy("%(title)s scores, last 3 months"),
        "none": gettext_lazy("No results in the last 3 months."),
    },
    "1y": {
        "heading": gettext_lazy("Over the last 1 year"),
        "chart": gettext_lazy("%(title)s scores, last 1 year"),
        "none": gettext_lazy("No results in the last 1 year."),
    },
    "all": {
        "heading": gettext_lazy("Over all your results"),
        "chart": gettext_lazy("%(title)s scores, all results"),
        "none": gettext_lazy("No results yet."),
    },
}


def instrument_or_404(instrument_id: str) -> Instrument:
    """The instrument in the page's language, else 404."""
    instrument = shown_instrument(instrument_id)
    if instrument is None:
        raise Http404("There is no such check-in.")
    return instrument


@login_required
def index(request):
    today = timezone.localdate()
    seen = overview(request.user, SPARK_POINTS)  # one round trip for every row
    chosen = seen.frequencies
    rows = []
    shown = shown_instruments()
    for inst_id, inst in shown.items():
        if chosen[inst_id] == "off":
            continue
        newest_first = seen.recent.get(inst_id, [])
        latest = newest_first[0] if newest_first else None
        rows.append(
            {
                "instrument": inst,
                "latest": latest,
                "latest_band": inst.label_shown(latest.band_label) if latest else "",
                "last_at": timezone.localtime(latest.taken_at) if latest else None,
                "frequency": chosen[inst_id],
                "how_often": _(HOW_OFTEN.get(chosen[inst_id], chosen[inst_id])),
                "due": is_due(chosen[inst_id], latest.taken_at if latest else None, today),
                "draft": inst_id in seen.drafted,
                "trend": [c.total for c in reversed(newest_first)],
                "range": inst.score_range(),
            }
        )
    rows.sort(key=lambda r: (not r["due"], r["instrument"].title))
    switched_off = [inst for inst_id, inst in shown.items() if chosen[inst_id] == "off"]
    context = {
        "rows": rows,
        "switched_off": switched_off,
        # Shown in a language other than English: the page says whose wording it is.
        "own_wording": any(inst.language != BASE for inst in shown.values()),
    }
    return render(request, "checkins/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def take(request, instrument: str):
    inst = instrument_or_404(instrument)
    draft = drafts(request.user).get(inst.id)
    initial = {
        field_name(k): v for k, v in (draft.answers if draft else {}).items() if v is not None
    }
    data = request.POST if request.method == "POST" else None
    form = CheckInForm(data, instrument=inst, initial=initial)
    # From what was ticked (or kept in a draft), before any other check: an answer that
    # signals risk always brings crisis help, whatever else is missing or wrong.
    so_far = form.raw_answers() if data is not None else (draft.answers if draft else {})
    fired = safety_fired(inst, so_far)
    if request.method == "POST" and "later" in request.POST:
        save_draft(request.user, inst, form.raw_answers())
        kept = _("Your answers so far are kept. Finish “%(title)s” any time.")
        messages.success(request, kept % {"title": inst.title})
        if not fired:
            return redirect("checkins:index")
        form = CheckInForm(instrument=inst, initial=initial | request.POST.dict())
    elif request.method == "POST" and form.is_valid():
        checkin = save_checkin(request.user, inst, form.answers())
        return redirect("checkins:result", checkin_id=checkin.pk)
    context = {
        "form": form,
        "instrument": inst,
        "fired": fired,
        "has_draft": draft is not None,
        "opened": timezone.now().isoformat(),
    }
    return render(request, "checkins/take.html", context, status=400 if form.errors else 200)


@login_required
@post_only("checkins:take", "instrument")
def autosave(request, instrument: str):
    """Keep answers as they are ticked (sent by tending.js), so a closed tab loses nothing."""
    inst = instrument_or_404(instrument)
    answers = CheckInForm(request.POST, instrument=inst).raw_answers()
    save_draft(request.user, inst, answers, opened=_opened(request.POST.get("opened", "")))
    return HttpResponse(status=204)


def _opened(sent: str) -> datetime | None:
    """When the page sending a tick was shown (its hidden field), if it says so plainly."""
    try:
        opened = parse_datetime(sent[:40])
        # A year 1 with an offset east of UTC has no UTC time: refused here, not at the query.
        return opened.astimezone(UTC) if opened is not None and timezone.is_aware(opened) else None
    except (ValueError, OverflowError):
        return None


@login_required
@post_only("checkins:take", "instrument")
def discard(request, instrument: str):
    inst = instrument_or_404(instrument)
    owned_drafts = drafts(request.user)
    if inst.id in owned_drafts:
        owned_drafts[inst.id].delete()
    messages.success(request, _("Those answers are cleared."))
    if request.POST.get("back") == "today":  # cleared from Today's help: back there
        return redirect("today:today")
    return redirect("checkins:index")


def chart_of(inst: Instrument, newest_first: list[dict]) -> dict | None:
    """The chart of the newest CHART_POINTS results (given newest first), oldest on the left;
    `days` holds each dot's date, already written out."""
    low, high = inst.score_range()
    bands = [(b.low, b.high, b.label) for b in inst.bands]
    oldest_first = newest_first[:CHART_POINTS][::-1]
    chart = history_chart(
        [(row["taken_at"], row["total"]) for row in oldest_first], low, high, bands
    )
    if chart is not None:
        chart["days"] = [row["day"] for row in oldest_first]
    return chart


def _local(rows: list[dict]) -> list[dict]:
    """Rows with their time in the person's own zone, and its date as `day` (written once)."""
    zone = timezone.get_current_timezone()
    for row in rows:
        row["taken_at"] = moment = row["taken_at"].astimezone(zone)
        row["day"] = day_words(moment)
    return rows


@login_required
def result(request, checkin_id: int):
    found = around(request.user, checkin_id, CHART_POINTS)
    checkin = found.checkin
    inst = shown_instrument(checkin.instrument_id)
    previous = found.previous
    if previous is not None:
        previous.taken_at = timezone.localtime(previous.taken_at)
    band = None
    change = None
    fired = ()
    low = high = None
    band_label = checkin.band_label
    says_not_a_diagnosis = False
    if inst is not None:
        fired = safety_fired(inst, checkin.answers)
        band = inst.band_named(checkin.band_label)
        band_label = inst.label_shown(checkin.band_label)
        # The band's own words say so (in English, the base, whatever language is shown).
        english = inst.base.band_named(checkin.band_label)
        says_not_a_diagnosis = english is not None and "not a diagnosis" in english.meaning.lower()
        change = change_since(inst, checkin.total, previous.total if previous else None)
        low, high = inst.score_range()
    rows = _local(found.recent)
    if inst is not None:
        for row in rows:
            row["band_label"] = inst.label_shown(row["band_label"])
    context = {
        "checkin": checkin,
        "taken_at": timezone.localtime(checkin.taken_at),
        "instrument": inst,
        "low": low,
        "high": high,
        "band": band,
        "band_label": band_label,
        "says_not_a_diagnosis": says_not_a_diagnosis,
        "previous": previous,
        "change": change,
        "chart": chart_of(inst, rows) if inst else None,
        "fired": fired,
        "subscales": subscale_rows(inst, checkin) if inst else [],
        "recent": rows,
        "recent_meaning": any(row["band_label"] for row in rows),
        "answers": answer_rows(inst, checkin) if inst else [],
    }
    return render(request, "checkins/result.html", context)


def subscale_rows(inst: Instrument, checkin: CheckIn) -> list[tuple[str, float]]:
    return [(s.title, checkin.subscales[s.id]) for s in inst.subscales if s.id in checkin.subscales]


def answer_rows(inst: Instrument, checkin: CheckIn) -> list[tuple[str, str]]:
    labels = {c.value: c.label for c in inst.scale}
    skipped = _("Skipped")
    return [(item.text, labels.get(checkin.answers.get(item.id), skipped)) for item in inst.items]


@login_required
def history_page(request, instrument: str):
    inst = instrument_or_404(instrument)
    user = request.user
    page = capped_page(
        lambda cap: history_count(user, inst.id, cap),
        lambda offset, limit: history_slice(user, inst.id, offset, limit),
        request.GET.get("page"),
        HISTORY_PAGE_SIZE,
        HISTORY_COUNT_CAP,
    )
    entries = _local(page.object_list)
    for entry in entries:
        entry["when"] = f"{entry['day']}, {entry['taken_at']:%H:%M}"  # "j M Y, H:i"
        entry["subscale_values"] = [entry["subscales"].get(s.id) for s in inst.subscales]
        entry["band_label"] = inst.label_shown(entry["band_label"])
    context = {
        "instrument": inst,
        "entries": entries,
        # A "Meaning" column only when some row has one: never a column of blanks.
        "meaning": any(entry["band_label"] for entry in entries),
        "page": page,
        **scores_over_time(request, inst),
    }
    return render(request, "checkins/history.html", context)


def scores_over_time(request, inst: Instrument) -> dict:
    """The history's chart over the range asked for (?range=3m|1y|all), in local time."""
    key = range_key(request.GET.get("range"))
    now = timezone.localtime()
    texts = RANGE_TEXTS[key]
    chosen = {
        "chosen_range": key,
        "ranges": [(k, RANGE_NAMES[k]) for k in RANGES],
        "range_text": {
            "heading": texts["heading"],
            "chart": texts["chart"] % {"title": inst.title},
            "none": texts["none"],
        },
    }
    if key == "all" and inst.meaningful_change is None:
        drawn = all_weekly(request.user, inst, now)
        if drawn:
            return chosen | {"over_time": drawn}
    return chosen | {"over_time": ranged_chart(request.user, inst, key, now)}


def ranged_chart(user, inst: Instrument, key: str, now: datetime) -> dict | None:
    """The chart from local midnight at the range's start (or the first result) to the end
    of today; kept until a result in the range is added or deleted, or the day turns: a
    year of daily results is hundreds of rows to read, place and average on every visit."""
    zone = now.tzinfo
    today = now.date()
    since = range_start(key, datetime.combine(today, time.min, tzinfo=zone))
    end = datetime.combine(today, time.max, tzinfo=zone)

    def work():
        points = [
            (when.astimezone(zone), total) for when, total in scores_since(user, inst.id, since)
        ]
        start = since if since is not None else points[0][0] if points else now
        return score_chart(inst, points, start, end)

    offset = int(now.utcoffset().total_seconds())
    if since is None:
        moved = chart_data.whole_history_stamp(user, inst.id)
    else:
        moved = chart_data.checkins_stamp(user, inst.id, since, chart_data.EVER[1])
    stamp = (offset, str(zone), today, moved, inst.language)  # the bands' names are in it
    return chart_data.kept(user, f"range-{key}:{inst.id}", stamp, work)


def all_weekly(user, inst: Instrument, now: datetime) -> dict | bool:
    """All of a long history, with no meaningful change to look for, as weekly means summed
    in the database (ten years of a daily check are five hundred weeks, not four thousand
    rows) and drawn up to today; kept until a result is added or deleted, or the day turns.
    False when the history is a year or less: then every result is drawn."""
    offset = int(now.utcoffset().total_seconds())
    today = now.date()

    def work():
        weeks = [
            (day_of(monday), mean, n)
            for monday, mean, n in chart_data.weekly_scores(user, inst.id, offset)
        ]
        if not weeks or not needs_weekly(weeks[0][0], today):
            return False
        start = datetime.combine(weeks[0][0], time.min, tzinfo=now.tzinfo)
        end = datetime.combine(today, time.max, tzinfo=now.tzinfo)
        return score_chart(inst, [], start, end, weeks)

    stamp = (
        offset,
        str(now.tzinfo),
        today,
        chart_data.whole_history_stamp(user, inst.id),
        inst.language,  # the bands' names are in it
    )
    return chart_data.kept(user, f"all:{inst.id}", stamp, work)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, checkin_id: int):
    checkin = get_owned_or_404(CheckIn, request.user, pk=checkin_id)
    inst = shown_instrument(checkin.instrument_id)
    if request.method == "POST":
        delete_checkin(checkin)
        messages.success(request, _("That check-in is deleted."))
        if inst is not None:
            return redirect("checkins:history", instrument=inst.id)
        return redirect("checkins:index")
    context = {
        "checkin": checkin,
        "instrument": inst,
        "taken_at": timezone.localtime(checkin.taken_at),
    }
    return render(request, "checkins/delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    current = frequencies(request.user)
    data = request.POST if request.method == "POST" else None
    form = FrequencyForm(data, instruments=shown_instruments(), current=current)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for inst_id, frequency in form.cleaned_data.items():
                owned(CheckInChoice, request.user).update_or_create(
                    owner=request.user, instrument_id=inst_id, defaults={"frequency": frequency}
                )
        messages.success(request, _("Saved."))
        return redirect("checkins:index")
    return render(request, "checkins/settings.html", {"form": form})
