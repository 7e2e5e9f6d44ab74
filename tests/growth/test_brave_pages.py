"""The brave steps pages: writing a step, easiest first, the step offered and the pause after
a hard day, what happened afterwards in plain words, setting aside, starter ideas, deleting,
and another account's steps and people out of reach."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape

from tending.checkins.models import CheckIn
from tending.core.date_format import format_date
from tending.growth.brave import starter_steps
from tending.growth.brave_services import outcome_words
from tending.growth.models import BraveStep
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

BRAVE = reverse("growth:brave")
NEW = reverse("growth:brave_new")
STARTERS = reverse("growth:brave_starters")


def a_step(user, text="Ask a question back", hardness=40, **more) -> BraveStep:
    more.setdefault("added_on", date(2026, 3, 1))
    return BraveStep.objects.create(owner=user, text=text, hardness=hardness, **more)


def today_of(user) -> date:
    return timezone.localdate(timezone=user.zone)


def page_text(client, url=BRAVE) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading: str) -> str:
    """The page from a heading to the next h2 (or the end)."""
    start = html.index(heading)
    end = html.find("<h2", start + len(heading))
    return html[start : end if end != -1 else None]


def a_hard_day(user, when=None) -> CheckIn:
    return CheckIn.objects.create(
        owner=user, instrument_id="phq-9", instrument_version=1, answers={}, total=20,
        safety_fired=True, taken_at=when or timezone.now(),
    )  # fmt: skip


def outcome(client, step, **more):
    data = {
        "done_on": today_of(step.owner).isoformat(),
        "what_happened": "Sam smiled and said they missed me too.",
        "felt": "30",
        "fear_came_true": "no",
        "belief_after": "20",
        "learned": "",
    } | more
    return client.post(reverse("growth:brave_outcome", args=[step.pk]), data)


# --- writing a step --------------------------------------------------------------------------


def test_writing_a_step_keeps_it_with_its_fear_and_the_day_in_the_persons_zone(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    # 23:30 in London on 10 March is already 11 March in Berlin, the owner's zone.
    with time_machine.travel("2026-03-10 23:30:00+00:00", tick=False):
        response = owner_client.post(
            NEW,
            {"text": " Tell Sam I missed them ", "person": sam.pk, "hardness": "60",
             "fear": "They will think I'm needy", "belief": "70"},
        )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == BRAVE
    step = BraveStep.objects.get(owner=owner)
    assert (step.text, step.person, step.hardness, step.fear, step.belief) == (
        "Tell Sam I missed them", sam, 60, "They will think I'm needy", 70,
    )  # fmt: skip
    assert step.added_on == date(2026, 3, 11)
    assert step.done_on is None and not step.set_aside


def test_a_step_toward_closeness_in_general_names_no_one(owner, owner_client):
    owner_client.post(NEW, {"text": "Say no to a favour", "person": "", "hardness": "35",
                            "fear": "", "belief": "50"})  # fmt: skip
    step = BraveStep.objects.get(owner=owner)
    assert step.person is None and step.fear == ""


def test_bad_input_comes_back_with_a_note_by_each_field_and_what_was_typed(owner_client):
    response = owner_client.post(
        NEW, {"text": "  ", "hardness": "101", "fear": "My typed fear", "belief": "-5"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and not BraveStep.objects.exists()
    errors = dict(re.findall(r'<div class="error" id="id_(\w+)_error"><p>([^<]+)</p>', html))
    assert errors == {
        "text": "Please fill this in.",
        "hardness": "Please give 100 or less.",
        "belief": "Please give 0 or more.",
    }
    assert "My typed fear" in html and 'value="101"' in html and 'value="-5"' in html


def test_a_step_too_long_is_refused_with_its_length(owner_client):
    response = owner_client.post(NEW, {"text": "x" * 201, "hardness": "10", "belief": "50"})
    assert response.status_code == 400
    assert "Please keep this to 200 characters (it has 201)." in response.content.decode()


def test_only_the_persons_own_active_people_are_offered_and_accepted(owner, other, owner_client):
    PersonFactory(owner=owner, name="Sam Mine")
    PersonFactory(owner=owner, name="Archived Alex", is_archived=True)
    theirs = PersonFactory(owner=other, name="Their Kim")
    html = page_text(owner_client, NEW)
    assert "Sam Mine" in html and "Closeness in general" in html
    assert "Archived Alex" not in html and "Their Kim" not in html
    response = owner_client.post(
        NEW, {"text": "Call Kim", "person": theirs.pk, "hardness": "20", "belief": "50"}
    )
    assert response.status_code == 400 and not BraveStep.objects.exists()
    assert "That person is not in your circle." in response.content.decode()


def test_the_starters_prefill_the_new_step_form(owner_client):
    html = page_text(owner_client, NEW + "?text=Invite+someone+for+a+walk&hardness=60")
    assert 'value="Invite someone for a walk"' in html and 'name="hardness" value="60"' in html
    html = page_text(owner_client, NEW + "?text=Hi&hardness=250")
    assert 'name="hardness" value="250"' not in html


def test_make_it_my_own_opens_the_form_with_that_starter_filled_in(owner_client):
    import html as markup

    starter = starter_steps()[0].steps[2]
    page = page_text(owner_client, STARTERS)
    links = re.findall(r'href="([^"]*/growth/brave/new/\?[^"]*)"', page)
    link = next(
        markup.unescape(href) for href in links if "hardness=" + str(starter.hardness) in href
    )
    form = page_text(owner_client, link)
    assert f'value="{escape(starter.text)}"' in form
    assert f'name="hardness" value="{starter.hardness}"' in form


@pytest.mark.parametrize("number", ["²", "9" * 5000, "-1", "１"])
def test_numbers_that_are_not_plain_digits_are_ignored_not_a_crash(owner_client, number):
    assert owner_client.get(NEW, {"hardness": number}).status_code == 200
    response = owner_client.post(STARTERS, {"barrier": "shyness", "step": number})
    assert response.status_code in (302, 400)
    assert not BraveStep.objects.exists()


def test_changing_a_step_keeps_the_change_and_its_archived_person(owner, owner_client):
    alex = PersonFactory(owner=owner, name="Alex Archived", is_archived=True)
    step = a_step(owner, person=alex, fear="They say no", belief=80)
    url = reverse("growth:brave_step", args=[step.pk])
    html = page_text(owner_client, url)
    assert "Alex Archived" in html and 'value="Ask a question back"' in html
    response = owner_client.post(
        url, {"text": "Ask two questions back", "person": alex.pk, "hardness": "45",
              "fear": "They say no", "belief": "60"},
    )  # fmt: skip
    step.refresh_from_db()
    assert response.status_code == 302
    assert (step.text, step.person, step.hardness, step.belief) == (
        "Ask two questions back", alex, 45, 60,
    )  # fmt: skip


# --- the page: easiest first, the offer, the pause -------------------------------------------


def test_open_steps_come_easiest_first_and_the_easiest_is_offered_gently(owner, owner_client):
    a_step(owner, "Invite someone for coffee", 60)
    a_step(owner, "Smile at a neighbour", 10, added_on=date(2026, 3, 5))
    a_step(owner, "Ask a question back", 30)
    a_step(owner, "Already done", 5, done_on=date(2026, 3, 2), felt=5, fear_came_true=False)
    html = page_text(owner_client)
    listed = section(html, "Your steps, easiest first")
    places = [listed.index(t) for t in ("Smile at", "Ask a question", "Invite someone")]
    assert places == sorted(places) and "Already done" not in listed
    offer = section(html, "When you feel ready")
    assert "Smile at a neighbour" in offer and "Feels 10 of 100" in offer
    assert "I did it" in offer and "Too much right now" in offer


def test_the_page_says_what_the_numbers_mean_and_where_to_start(owner_client):
    html = page_text(owner_client)
    assert "0 (no bother at all) to 100 (the hardest you can imagine)" in html
    assert "No steps yet" in html
    assert f'href="{NEW}"' in html and f'href="{STARTERS}"' in html


def test_a_hard_day_pauses_the_offer_for_a_week_and_says_why(owner, owner_client):
    a_step(owner, "Smile at a neighbour", 10)
    a_hard_day(owner)
    html = page_text(owner_client)
    until = format_date(today_of(owner) + timedelta(days=7), "l j F")
    assert (
        "You had a hard day recently, so tending is not suggesting steps until "
        f"{until}. Your steps are all still here; take one if you want to."
    ) in html
    assert "When you feel ready" not in html
    # The steps stay there to take.
    assert "Smile at a neighbour" in section(html, "Your steps, easiest first")


def test_after_the_week_the_offer_comes_back(owner, owner_client):
    a_step(owner, "Smile at a neighbour", 10)
    a_hard_day(owner, timezone.now() - timedelta(days=8))
    html = page_text(owner_client)
    assert "hard day" not in html and "Smile at a neighbour" in section(html, "When you feel")


def test_another_accounts_hard_day_does_not_pause_mine(owner, other, owner_client):
    a_step(owner, "Smile at a neighbour", 10)
    a_hard_day(other)
    assert "When you feel ready" in page_text(owner_client)


def test_the_page_reads_the_same_number_of_queries_however_many_steps(owner, owner_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as read:
            assert owner_client.get(BRAVE).status_code == 200
        return len(read)

    a_step(owner, "One", 10, done_on=date(2026, 3, 2), felt=5, fear_came_true=False)
    few = queries()
    for n in range(12):
        a_step(owner, f"Step {n}", n * 5, set_aside=n % 3 == 0)
        a_step(owner, f"Done {n}", n, done_on=date(2026, 3, 3), felt=n, fear_came_true=True,
               belief_after=10)  # fmt: skip
    assert queries() == few


# --- what happened -----------------------------------------------------------------------------


def test_the_outcome_page_shows_the_prediction_written_before(owner, owner_client):
    step = a_step(owner, hardness=60, fear="they will laugh", belief=70)
    html = page_text(owner_client, reverse("growth:brave_outcome", args=[step.pk]))
    assert "You expected 60 and believed “<bdi>they will laugh</bdi>” 70%." in html
    assert f'value="{today_of(owner).isoformat()}"' in html


def test_a_step_with_no_fear_written_asks_nothing_about_one(owner, owner_client):
    step = a_step(owner, hardness=50)  # as a starter idea adds it: no fear written
    url = reverse("growth:brave_outcome", args=[step.pk])
    html = page_text(owner_client, url)
    assert 'name="fear_came_true"' not in html and 'name="belief_after"' not in html
    response = owner_client.post(
        url, {"done_on": today_of(owner).isoformat(), "what_happened": "Fine.", "felt": "20"}
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.felt, step.fear_came_true, step.belief_after) == (20, None, None)
    html = owner_client.get(BRAVE).content.decode()
    assert "It felt 30 points easier than you expected." in html
    assert "Steps felt 30 points easier than you expected." in html
    assert "Your fear came true" not in html and "Beforehand you believed" not in html


def test_recording_what_happened_says_the_comparison_and_adds_to_the_summary(owner, owner_client):
    step = a_step(owner, hardness=60, fear="they will laugh", belief=70)
    response = outcome(owner_client, step, learned="People are kinder than I think.")
    assert response.status_code == 302 and response["Location"] == BRAVE
    step.refresh_from_db()
    assert (step.done_on, step.felt, step.fear_came_true, step.belief_after) == (
        today_of(owner), 30, False, 20,
    )  # fmt: skip
    assert step.what_happened == "Sam smiled and said they missed me too."
    assert step.learned == "People are kinder than I think."
    html = owner_client.get(BRAVE).content.decode()
    assert "It felt 30 points easier than you expected, and what you feared did not happen." in html
    assert (
        "Your fear came true 0 of 1 time; steps felt 30 points easier than you expected. "
        "Beforehand you believed your fears 70% on average; afterwards, 20%."
    ) in html
    done = section(html, "Steps you have taken")
    assert "Expected 60, felt 30 (30 easier)" in done and "it didn't happen" in done
    assert "You believed it 70% before, 20% after." in done
    assert "When you feel ready" not in html  # a step done is offered no more


def test_the_chart_has_a_mark_per_step_done_in_the_order_done_and_a_table(owner, owner_client):
    written_first = a_step(owner, "Written first", hardness=20, belief=40, fear="a no")
    taken_first = a_step(owner, "Taken first", hardness=80, belief=90, fear="a laugh")
    outcome(owner_client, taken_first, done_on="2026-03-02", felt="50", fear_came_true="yes")
    outcome(owner_client, written_first, done_on="2026-03-04", felt="40", fear_came_true="no")
    html = page_text(owner_client)
    start = html.index('<svg class="brave-chart"')
    chart = html[start : html.index("</svg>", start)]
    assert 'role="img"' in chart and "Your fear came true 1 of 2 times" in chart
    assert re.findall(r'<g class="mark (\w+)">', chart) == ["easier", "harder"]
    table = html[html.index("<table") : html.index("</table>")]
    cells = r'<tr><td class="num">(\d)</td><td dir="auto">([^<]+)</td>'
    cells += r'<td class="num">(\d+)</td><td class="num">(\d+)</td><td>(\w+)</td>'
    assert re.findall(cells, table) == [
        ("1", "Taken first", "80", "50", "yes"),
        ("2", "Written first", "20", "40", "no"),
    ]


def test_no_chart_before_a_step_is_done(owner, owner_client):
    a_step(owner)
    html = page_text(owner_client)
    assert "brave-chart" not in html and "Your fear came true" not in html


@pytest.mark.parametrize(
    ("change", "field", "note"),
    [
        ({"fear_came_true": ""}, "fear_came_true", "Please fill this in."),
        ({"felt": "101"}, "felt", "Please give 100 or less."),
        ({"done_on": "2999-01-01"}, "done_on", "Please give today or a day before."),
        ({"what_happened": ""}, "what_happened", "Please fill this in."),
    ],
)
def test_an_outcome_with_a_problem_comes_back_with_the_note_and_nothing_saved(
    owner, owner_client, change, field, note
):
    step = a_step(owner, fear="They say no")
    response = outcome(owner_client, step, learned="Typed and kept", **change)
    html = response.content.decode()
    step.refresh_from_db()
    assert response.status_code == 400 and step.done_on is None
    assert f'id="id_{field}_error"><p>{note}</p>' in html and "Typed and kept" in html


def test_a_step_set_aside_and_then_taken_is_done_not_aside(owner, owner_client):
    step = a_step(owner, set_aside=True)
    outcome(owner_client, step)
    step.refresh_from_db()
    assert step.done_on is not None and not step.set_aside
    assert "Set aside for now" not in page_text(owner_client)


@pytest.mark.parametrize(
    ("expected", "felt", "came_true", "compared", "feared"),
    [
        (60, 30, False, "It felt 30 points easier than you expected", "did not happen"),
        (40, 41, True, "It felt 1 point harder than you expected", "did happen"),
        (50, 50, False, "It felt about as hard as you expected", "did not happen"),
    ],
)
def test_outcome_words_say_the_comparison_plainly(expected, felt, came_true, compared, feared):
    said = outcome_words(expected, felt, came_true)
    assert said == f"{compared}, and what you feared {feared}."


# --- too much right now ----------------------------------------------------------------------


def test_too_much_right_now_sets_a_step_aside_and_bring_it_back_returns_it(owner, owner_client):
    easy = a_step(owner, "Smile at a neighbour", 10)
    a_step(owner, "Ask a question back", 30)
    aside = reverse("growth:brave_aside", args=[easy.pk])
    response = owner_client.post(aside, follow=True)
    easy.refresh_from_db()
    html = response.content.decode()
    assert easy.set_aside and "Set aside. It&#39;s here if you want it later." in html
    assert "Smile at a neighbour" in section(html, "Set aside for now")
    assert "Smile at a neighbour" not in section(html, "Your steps, easiest first")
    assert "Ask a question back" in section(html, "When you feel ready")
    response = owner_client.post(aside, follow=True)
    easy.refresh_from_db()
    html = response.content.decode()
    assert not easy.set_aside and "Back in your steps." in html
    assert "Smile at a neighbour" in section(html, "When you feel ready")
    assert "Set aside for now" not in html


def test_setting_aside_is_post_only(owner, owner_client):
    step = a_step(owner)
    response = owner_client.get(reverse("growth:brave_aside", args=[step.pk]))
    step.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == BRAVE and not step.set_aside


# --- starter steps -----------------------------------------------------------------------------


def test_the_starters_show_each_barrier_easiest_first_as_ideas_to_take_or_leave(owner_client):
    html = page_text(owner_client, STARTERS)
    assert "Take or leave" in html
    for barrier in starter_steps():
        part = section(html, barrier.title)
        assert barrier.about in part
        places = [part.index(str(escape(s.text))) for s in barrier.steps]
        assert places == sorted(places)
    main = html[html.index("<main") : html.index("</main>")]
    words = re.sub(r"<[^>]+>", " ", main).lower()
    for diagnosis in ("disorder", "ptsd", "diagnos", "anxiety", "avoidant", "patient"):
        assert diagnosis not in words


def test_adding_a_starter_makes_it_a_step_of_ones_own(owner, owner_client):
    barrier = starter_steps()[2]
    response = owner_client.post(STARTERS, {"barrier": barrier.key, "step": "1"}, follow=True)
    step = BraveStep.objects.get(owner=owner)
    assert (step.text, step.hardness) == (barrier.steps[1].text, barrier.steps[1].hardness)
    assert step.added_on == today_of(owner)
    assert "Added to your steps" in response.content.decode()
    assert "In your steps" in page_text(owner_client, STARTERS)


def test_an_unknown_starter_adds_nothing(owner_client):
    response = owner_client.post(STARTERS, {"barrier": "shyness", "step": "99"})
    assert response.status_code == 400 and not BraveStep.objects.exists()
    assert owner_client.post(STARTERS, {"barrier": "nope", "step": "0"}).status_code == 400


# --- deleting, and another account -------------------------------------------------------------


def test_deleting_asks_first_then_deletes(owner, owner_client):
    step = a_step(owner, "Say no to a favour")
    url = reverse("growth:brave_delete", args=[step.pk])
    html = page_text(owner_client, url)
    assert "Delete this step?" in html and "Say no to a favour" in html
    assert BraveStep.objects.filter(pk=step.pk).exists()
    response = owner_client.post(url)
    assert response.status_code == 302 and response["Location"] == BRAVE
    assert not BraveStep.objects.filter(pk=step.pk).exists()


@pytest.mark.parametrize("name", ["brave_step", "brave_outcome", "brave_delete"])
def test_another_accounts_step_is_not_there_to_see(owner, other_client, name):
    step = a_step(owner, "Marker private step")
    response = other_client.get(reverse(f"growth:{name}", args=[step.pk]))
    assert response.status_code == 404 and "Marker private step" not in response.content.decode()


@pytest.mark.parametrize("name", ["brave_step", "brave_outcome", "brave_aside", "brave_delete"])
def test_another_account_cannot_change_a_step(owner, other_client, name):
    step = a_step(owner, "Marker private step", hardness=40)
    data = {"text": "Changed", "hardness": "90", "belief": "50", "done_on": "2026-03-02"}
    data |= {"what_happened": "x", "felt": "10", "fear_came_true": "no", "belief_after": "5"}
    response = other_client.post(reverse(f"growth:{name}", args=[step.pk]), data)
    step.refresh_from_db()
    assert response.status_code == 404
    assert (step.text, step.hardness, step.done_on, step.set_aside) == (
        "Marker private step", 40, None, False,
    )  # fmt: skip


def test_another_accounts_steps_are_not_on_my_page(owner, other, owner_client):
    a_step(other, "Marker their step", 5)
    html = page_text(owner_client)
    assert "Marker their step" not in html and "No steps yet" in html


def test_logged_out_is_sent_to_log_in(anon_client):
    response = anon_client.get(BRAVE)
    assert response.status_code == 302 and "login" in response["Location"]


# --- the page's parts written in Python: the very markup the template made -------------------
# Each reference below is the template code the Python replaced (tending/growth/brave_html.py),
# rendered by Jinja2 with the same steps: typed words with every character HTML cares about,
# a person or none, each answer on the fear, an outcome or none, easier, harder and the same.

OPEN_ROWS = """{% from "core/components.html" import list_row %}{% for item in items %}
    {% call list_row(href=url("growth:brave_step", item.step.key), meta=_("feels %(hardness)d", hardness=item.step.hardness)) %}
      <span dir="auto">{{ item.step.text }}</span>{% if item.person %}<span class="muted">&nbsp;· {{ _("toward <bdi>%(name)s</bdi>", name=item.person) }}</span>{% endif %}
    {% endcall %}
    {% endfor %}"""  # noqa: E501

ASIDE_ROWS = """{% for item in items %}
    <li>
      <span class="brave-aside-text"><a href="{{ url('growth:brave_step', item.step.key) }}" dir="auto">{{ item.step.text }}</a> <span class="muted">· {{ _("feels %(hardness)d", hardness=item.step.hardness) }}</span></span>
      <form method="post" action="{{ url('growth:brave_aside', item.step.key) }}">{{ csrf_input }}<button type="submit" class="button secondary small">{{ _("Bring it back") }}<span class="visually-hidden">: {{ item.step.text }}</span></button></form>
    </li>
    {% endfor %}"""  # noqa: E501

DONE_ROWS = """{% for item in items %}
    {% set step = item.step %}
    <li>
      <p class="brave-done-text"><a href="{{ url('growth:brave_step', step.key) }}" dir="auto">{{ step.text }}</a> <span class="muted">· {{ step.done_on|date("j F Y") }}</span></p>
      {% if step.has_outcome %}
      <p>{% if item.easier_by > 0 %}{{ _("Expected %(expected)d, felt %(felt)d (%(points)d easier).", expected=step.hardness, felt=step.felt, points=item.easier_by) }}{% elif item.easier_by < 0 %}{{ _("Expected %(expected)d, felt %(felt)d (%(points)d harder).", expected=step.hardness, felt=step.felt, points=-item.easier_by) }}{% else %}{{ _("Expected %(expected)d, felt %(felt)d (as expected).", expected=step.hardness, felt=step.felt) }}{% endif %}
        {% if step.fear_came_true is not none %}{% if item.fear %}{% if step.fear_came_true %}{{ _("Feared “<bdi>%(fear)s</bdi>”: it happened.", fear=item.fear) }}{% else %}{{ _("Feared “<bdi>%(fear)s</bdi>”: it didn't happen.", fear=item.fear) }}{% endif %}{% else %}{{ _("What you feared: it happened.") if step.fear_came_true else _("What you feared: it didn't happen.") }}{% endif %}{% endif %}
        {% if step.belief_after is not none %}{{ _("You believed it %(before)d%% before, %(after)d%% after.", before=step.belief, after=step.belief_after) }}{% endif %}</p>
      {% if item.learned %}<p class="muted" dir="auto">{{ _("You learned: %(learned)s", learned=item.learned) }}</p>{% endif %}
      {% else %}
      <p><a href="{{ url('growth:brave_outcome', step.key) }}">{{ _("Add what happened") }}</a></p>
      {% endif %}
    </li>
    {% endfor %}"""  # noqa: E501

TABLE_ROWS = """{% for item in items %}
            <tr><td class="num">{{ loop.index }}</td><td dir="auto">{{ item.step.text }}</td><td class="num">{{ item.step.hardness }}</td><td class="num">{{ item.step.felt }}</td><td>{{ _("no fear written") if item.step.fear_came_true is none else (_("yes") if item.step.fear_came_true else _("no")) }}</td></tr>
            {% endfor %}"""  # noqa: E501

CHART = """<svg class="brave-chart" viewBox="0 0 {{ chart.width }} {{ chart.height }}" role="img" aria-labelledby="{{ id }}-title {{ id }}-desc">
  <title id="{{ id }}-title">{{ _("How hard each step felt against how hard you expected it to be") }}</title>
  <desc id="{{ id }}-desc">{{ ngettext("%(count)d step in the order you took them, from 0 (no bother) to 100 (the hardest you can imagine): a ring for what you expected and a dot for how it felt.", "%(count)d steps in the order you took them, from 0 (no bother) to 100 (the hardest you can imagine): a ring for what you expected and a dot for how it felt.", chart.marks|length, count=chart.marks|length) }} {{ summary }}</desc>
  {% for y, value in chart.grid %}<line class="grid" x1="{{ chart.left }}" x2="{{ chart.right }}" y1="{{ y }}" y2="{{ y }}"/><text class="tick" x="{{ chart.left - 5 }}" y="{{ y }}" text-anchor="end" dominant-baseline="central">{{ value }}</text>{% endfor %}
  {% for mark in chart.marks %}<g class="mark {{ mark.way }}">{% if mark.gap %}<line class="gap" x1="{{ mark.x }}" x2="{{ mark.x }}" y1="{{ mark.gap[0] }}" y2="{{ mark.gap[1] }}"/>{% endif %}<circle class="felt" cx="{{ mark.x }}" cy="{{ mark.felt_y }}" r="{{ chart.radius }}"/><circle class="expected" cx="{{ mark.x }}" cy="{{ mark.expected_y }}" r="{{ chart.radius }}"/>{% if mark.labelled %}<text class="tick" x="{{ mark.x }}" y="{{ chart.label_y }}" text-anchor="middle">{{ mark.number }}</text>{% endif %}</g>{% endfor %}
</svg>"""  # noqa: E501

TYPED = "<b>Tom & \"Jo\"</b> isn't 'here' > there"


def as_template_made(source: str, **context) -> str:
    from django.template import engines

    return engines["jinja"].env.from_string(source).render(**context)


def shown(key, text=TYPED, hardness=40, *, fear="", person=None, learned="", **step):
    from tending.growth.brave import Step
    from tending.growth.brave_services import ShownStep

    step.setdefault("belief", 60)
    step.setdefault("added_on", date(2026, 3, 1))
    return ShownStep(Step(key, text, hardness, **step), fear, person, learned)


def every_kind_of_step() -> list:
    """Steps open, aside and done, with every branch of what the page says about them."""
    done = {"done_on": date(2026, 1, 9)}
    return [
        shown(1, hardness=5, person=TYPED),
        shown(2, "Say hello", hardness=0, person=""),
        shown(3, hardness=100, set_aside=True),
        shown(4, felt=20, fear=TYPED, fear_came_true=True, belief_after=30, learned=TYPED, **done),
        shown(5, hardness=20, felt=20, fear="", fear_came_true=False, **done),
        shown(6, hardness=10, felt=35, fear="x", fear_came_true=None, belief_after=0, **done),
        shown(7, hardness=90, felt=0, fear="y", fear_came_true=False, belief_after=None, **done),
        shown(8, done_on=date(987, 12, 31)),  # done, what happened not written yet
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_lists_written_in_python_are_the_templates_own_markup(language):
    from django.utils import translation
    from markupsafe import Markup

    from tending.growth import brave_html

    items = every_kind_of_step()
    done = [item for item in items if item.step.done_on is not None]
    csrf = Markup('<input type="hidden" name="csrfmiddlewaretoken" value="t&amp;k">')
    parts = [
        (brave_html.open_rows, OPEN_ROWS, [item for item in items if item.step.is_open]),
        (lambda shown: brave_html.aside_rows(shown, csrf), ASIDE_ROWS, items[:3]),
        (brave_html.done_rows, DONE_ROWS, done),
        (brave_html.table_rows, TABLE_ROWS, [item for item in done if item.step.has_outcome]),
    ]
    with translation.override(language):
        for write, reference, shown_there in parts:
            written = str(write(shown_there))
            assert written == as_template_made(reference, items=shown_there, csrf_input=csrf)
            assert "<b>" not in written and str(write([])) == ""
        escaped = "&lt;b&gt;Tom &amp; &#34;Jo&#34;&lt;/b&gt; isn&#39;t &#39;here&#39; &gt; there"
        assert str(brave_html.done_rows(done)).count(escaped) == 7  # 5 steps, a fear, a lesson
        said = str(brave_html.done_rows(done))
    assert ("Januar" in said and "Erwartet" in said) == (language == "de")


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    "pairs",
    [[(60, 30)], [(10, 20), (90, 10), (50, 50)], [(n % 101, (n * 37) % 101) for n in range(45)]],
)
def test_the_chart_written_in_python_is_the_macros_own_markup(pairs, language):
    from django.utils import translation

    from tending.growth.brave_chart import prediction_chart
    from tending.growth.brave_html import chart_svg

    chart = prediction_chart(pairs)
    summary = f"Your fear came true 1 of 2 times; {TYPED}."
    with translation.override(language):
        written = chart_svg(chart, "brave-chart", summary)
        assert str(written) == as_template_made(
            CHART, chart=chart, id="brave-chart", summary=summary
        )


def djangos_own_select(bound) -> str:
    """The field as Django's own Select and widget templates write it."""
    from django import forms
    from django.forms.renderers import DjangoTemplates

    bound.form.renderer = DjangoTemplates()
    return bound.as_widget(widget=forms.Select(choices=bound.field.choices))


@pytest.mark.parametrize("how", ["new", "chosen before", "chosen now", "refused"])
def test_the_people_to_choose_are_written_as_djangos_select_writes_them(owner, other, how):
    from tending.growth.brave_forms import StepForm

    chosen = PersonFactory(owner=owner, name=TYPED)
    PersonFactory(owner=owner, name="Ana & <Bo>")
    PersonFactory(owner=owner, name="Archived", is_archived=True)
    PersonFactory(owner=other, name="Theirs")
    step = {"text": "x", "hardness": "5", "belief": "5"}
    form = {
        "new": lambda: StepForm(user=owner),
        "chosen before": lambda: StepForm(user=owner, initial={"person": chosen.pk}),
        "chosen now": lambda: StepForm(step | {"person": str(chosen.pk)}, user=owner),
        "refused": lambda: StepForm(step | {"person": "99999999"}, user=owner),
    }[how]()
    form.is_valid()
    written = str(form["person"])
    assert written == djangos_own_select(form["person"])
    assert written.count("<option") == 3 and "Theirs" not in written and "Archived" not in written
    assert "<b>" not in written and "Ana &amp; &lt;Bo&gt;" in written
    assert written.count(" selected") == (how != "refused")  # an unknown one: none chosen
    assert (f'<option value="{chosen.pk}" selected>' in written) == how.startswith("chosen")
    assert ('aria-invalid="true"' in written) == (how == "refused")


def test_the_pages_one_query_reads_what_the_shared_reads_do(owner, other):
    """brave_read (one written-out query) against growth.queries, which Today and the weekly
    review use: the same steps, and the same hard day, found one instrument at a time."""
    from datetime import datetime, time

    from tending.growth import queries
    from tending.growth.brave_services import brave_read

    sam = PersonFactory(owner=owner, name=TYPED)
    a_step(owner, "Open", 10, person=sam, fear=TYPED, belief=70)
    a_step(owner, "Aside", 20, set_aside=True, added_on=date(2025, 2, 1))
    a_step(owner, "Done", 30, done_on=date(2026, 3, 4), felt=40, fear_came_true=True,
           belief_after=20, learned="More than I thought")  # fmt: skip
    a_step(owner, "Done, no fear", 30, done_on=date(2026, 3, 5), felt=10)
    a_step(other, "Theirs", 5)
    today = today_of(owner)
    since = datetime.combine(today - timedelta(days=7), time(), owner.zone)

    def check_in(who, instrument, when, fired=True):
        CheckIn.objects.create(owner=who, instrument_id=instrument, instrument_version=1,
                               answers={}, total=1, safety_fired=fired, taken_at=when)  # fmt: skip

    def both():
        steps, fired_on = brave_read(owner, today)
        assert {s.step for s in steps} == set(queries.brave_steps(owner))
        assert fired_on == queries.safety_fired_on(owner, today)
        return {s.step.text: (s.fear, s.person, s.learned) for s in steps}, fired_on

    words, fired_on = both()
    assert fired_on is None and words["Open"] == (TYPED, TYPED, "")
    assert words["Done"] == ("", None, "More than I thought") and "Theirs" not in words
    check_in(owner, "phq-9", since - timedelta(seconds=1))  # a day before the pause began
    check_in(owner, "stress", timezone.now(), fired=False)
    check_in(other, "phq-9", timezone.now())
    assert both()[1] is None
    check_in(owner, "phq-9", since)  # the first moment of the pause counts
    assert both()[1] == since.date()
    # One of an instrument tending does not know (any more) counts as much as any other.
    check_in(owner, "a-scale-of-my-own", timezone.now())
    check_in(owner, "daily-pulse", since - timedelta(days=30))
    assert both()[1] == today
    assert "not suggesting steps until" in page_text_of(owner)


def page_text_of(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return page_text(client)


def test_one_steps_page_reads_it_as_the_model_has_it(owner, other):
    from django.http import Http404

    from tending.growth.brave_forms import people_to_choose
    from tending.growth.brave_services import StepRow, step_and_people, step_row

    archived = PersonFactory(owner=owner, name="Archived", is_archived=True)
    active = PersonFactory(owner=owner, name="Active")
    PersonFactory(owner=other, name="Theirs")
    step = a_step(owner, TYPED, 35, person=archived, fear="f", belief=5, done_on=date(2026, 3, 2),
                  what_happened="w", felt=0, fear_came_true=False, learned="l")  # fmt: skip
    found, people = step_and_people(owner, step.pk)
    assert found == step_row(owner, step.pk)
    assert found == StepRow(*(getattr(step, name) for name in StepRow.__slots__))
    # The step's own person stays a choice although archived since; no one else's is.
    assert (
        people
        == people_to_choose(owner, step.pk)
        == [(active.pk, "Active"), (archived.pk, "Archived")]
    )
    assert people_to_choose(owner) == [(active.pk, "Active")]
    for who, pk in ((other, step.pk), (owner, 2**63), (owner, 0)):
        with pytest.raises(Http404):
            step_row(who, pk)
        with pytest.raises(Http404):
            step_and_people(who, pk)
