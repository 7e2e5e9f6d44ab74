"""The insights pages in German: each main page speaks it, the sentences about patterns stay as
careful as the English ones, numbers read with a decimal comma, and a result kept in one
language is said again in the other."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from tending.checkins.models import CheckIn
from tending.insights import analysis
from tending.insights.analysis import Pattern
from tending.insights.diary import FINDING
from tending.insights.sentences import describe
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 2)
CATALOGUE = "tending/insights/locale/de/LC_MESSAGES/django.po"


@pytest.fixture(autouse=True)
def midday():
    with time_machine.travel(datetime(2026, 12, 2, 11, tzinfo=UTC), tick=True):
        yield


def pattern(**changes) -> Pattern:
    base = dict(
        exposure="moment-understood",
        outcome="pulse-mood",
        lag_days=0,
        person=None,
        effect=0.56,
        se=0.1,
        df=50.0,
        n_days=120,
        n_effective=90.0,
        exposure_label="a moment where you felt understood",
        outcome_label="your mood",
        low=0.31,
        high=0.84,
        p=1e-6,
    )
    return Pattern(**{**base, **changes})


MOMENTS_WITH_SAM = dict(
    exposure="moments-with-3",
    outcome="felt_safe",
    person="Sam",
    moments=True,
    outcome_label="safe",
    scale_top=5,
    mean_with=4.62,
    count_with=23,
    effect=0.8,
    low=0.4,
    high=1.2,
    n_days=40,
    n_effective=25.0,
)


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def german(owner):
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    return owner


@pytest.fixture
def days(owner, monkeypatch):
    """Three weeks of the daily pulse, some moments with Sam, and what the engine finds."""
    monkeypatch.setattr(
        analysis,
        "pairs_tested",
        lambda diary: [pattern(), pattern(**MOMENTS_WITH_SAM, lag_days=0)],
    )
    for n in range(21):
        CheckIn.objects.create(
            owner=owner,
            instrument_id="daily-pulse",
            instrument_version=1,
            answers={"mood": 3, "energy": 3, "stress": 3, "connected": 3},
            subscales={"mood": 3, "energy": 3, "calm": 3, "connected": 3},
            total=3,
            taken_at=at(TODAY - timedelta(days=n), 9),
        )
    sam = PersonFactory(owner=owner, name="Sam", ring="inner")
    for n in range(0, 40, 6):
        MomentFactory(
            owner=owner,
            people=[sam],
            occurred_at=at(TODAY - timedelta(days=n)),
            felt_understood=4,
            felt_safe=5,
            closeness_after=5,
            self_disclosure=3,
            other_disclosure=2,
            duration_minutes=45,
        )
    ClosenessRatingFactory(person=sam, value=5)
    return sam


def test_the_sentences_in_german_are_careful_and_use_a_decimal_comma():
    with translation.override("de"):
        same_day = describe(pattern(), FINDING, 30.0)
        next_day = describe(pattern(lag_days=1), FINDING, 30.0)
        moments = describe(pattern(**MOMENTS_WITH_SAM), FINDING, 30.0)
    assert same_day == (
        "An Tagen mit einem Moment, in dem du dich verstanden gefühlt hast, war deine Stimmung "
        "etwa 0,6 Punkte höher als an Tagen ohne (wahrscheinlich zwischen 0,3 und 0,8 höher; "
        "120 Tage verglichen)."
    )
    assert next_day.startswith("Am Tag nach einem Moment, in dem du dich verstanden gefühlt hast,")
    assert "eingerechnet, wie der Vortag war" in next_day
    assert moments.startswith("Nach Zeit mit Sam hast du dich meist sicher gefühlt: im Schnitt 4,6")
    # The English is as it was.
    assert describe(pattern(), FINDING, 30.0).startswith(
        "On days with a moment where you felt understood, your mood was about 0.6 points higher"
    )


def test_no_german_word_says_one_thing_brought_about_another():
    causal = re.compile(
        r"\b(verursach\w*|bewirk\w*|führ\w* zu|macht dich|machen dich|wegen|dank|"
        r"verbesser\w*|verschlechter\w*|sorg\w* für|hilf\w*|hilft|Ursache\w*|Folge\w*|"
        r"beeinfluss\w*|steiger\w*|senk\w*|löst\w* aus)\b",
        re.IGNORECASE,
    )
    with open(CATALOGUE, "rb") as handle:
        catalogue = read_po(handle)
    said = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        said += [s for s in strings if causal.search(s)]
    assert said == []


def test_the_insights_page_speaks_german(german, owner_client, days):
    page = text(owner_client.get(reverse("insights:index")))
    assert "Was mit deinen besseren Tagen einhergeht" in page
    assert "war deine Stimmung etwa 0,6 Punkte höher als an Tagen ohne" in page
    assert "Beruht auf 120 Tagen; für sich genommen zählen sie etwa wie 90" in page
    assert "Der Unterschied: wahrscheinlich 0,3 bis 0,8 Punkte höher" in page
    assert "Was das bedeutet – und was nicht" in page and "keine Diagnose" in page
    for english in ("On days with", "What goes with", "Seen over", "0.6", "Charts over"):
        assert english not in page


def test_a_result_kept_in_one_language_is_said_again_in_the_other(owner, owner_client, days):
    english = text(owner_client.get(reverse("insights:index")))
    assert "your mood was about 0.6 points higher" in english
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    german = text(owner_client.get(reverse("insights:index")))
    assert "war deine Stimmung etwa 0,6 Punkte höher" in german and "your mood" not in german
    type(owner).objects.filter(pk=owner.pk).update(language="en")
    assert "your mood was about 0.6 points higher" in text(
        owner_client.get(reverse("insights:index"))
    )


def test_too_few_days_in_german(german, owner_client):
    page = text(owner_client.get(reverse("insights:index")))
    assert "Noch nicht genug Tage" in page
    assert "Noch 14 Tage mit dem Tagespuls" in page
    assert "Not enough days" not in page and "Take the daily pulse" not in page


def test_the_charts_speak_german(german, owner_client, days):
    pulse = text(owner_client.get(reverse("insights:pulse")))
    assert "Dein Jahr in Pixeln" in pulse and "An dem Tag keine Antwort" in pulse
    assert "Your year in pixels" not in pulse and "days answered" not in pulse
    circle = text(owner_client.get(reverse("insights:circle")))
    assert "Dein Kreis im Lauf der Zeit" in circle and "Balance beim Teilen" in circle
    assert "Innerer Ring" in circle and "Momente, 315 Min." in circle
    assert "You shared more" not in circle and "Time per ring" not in circle
    closeness = text(owner_client.get(reverse("insights:closeness", args=[days.pk])))
    assert "Nähe zu Sam" in closeness and "1 Einschätzung; die letzte ist 5 von 7." in closeness
    assert "Closeness with" not in closeness and "rating" not in closeness


def test_the_weekly_review_speaks_german(german, owner_client, days):
    page = text(owner_client.get(reverse("insights:week_latest")))
    assert "Deine Woche" in page and "Montag, 23. November bis Sonntag, 29. November" in page
    assert "1 Moment, mit Sam" in page and "Im Schnitt: verstanden 4 von 5" in page
    assert "du hast Gefühle geteilt · dein Gegenüber hat Gedanken geteilt" in page
    assert "Mo, 23. Nov" in page
    for english in ("Your week", "On average you", "you shared", "Mon 23 Nov", "The week before"):
        assert english not in page


def test_the_report_and_its_pdf_speak_german(german, owner_client, days):
    chosen = {
        "start": (TODAY - timedelta(days=30)).isoformat(),
        "end": TODAY.isoformat(),
        "sections": ["scores", "moments", "safety", "findings"],
    }
    page = text(owner_client.get(reverse("insights:report"), chosen))
    assert "Ein Bericht zum Teilen" in page and "Bericht, 2. November 2026 bis 2. Dezember" in page
    assert "Innerer Ring: Sam (6 Momente)." in page
    assert "Im Schnitt verstanden gefühlt: 4 von 5 (6 bewertet)." in page
    assert "Muster: An Tagen mit einem Moment" in page
    assert "A report to share" not in page and "On average" not in page
    bad = owner_client.get(reverse("insights:report"), {**chosen, "end": "2999-01-01"})
    assert "Der Bericht kann spätestens heute enden." in text(bad)
    pdf = owner_client.post(reverse("insights:report_pdf"), chosen)
    words = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    words = re.sub(r"\s+", " ", words)
    assert "Ein Bericht zum Teilen" in words and "Seite 1 von" in words
    assert "Erstellt am 2. Dezember 2026" in words and "Was die Tage zeigen" in words
    assert "etwa 0,6 Punkte höher" in words
    assert "Page 1 of" not in words and "Made on" not in words
