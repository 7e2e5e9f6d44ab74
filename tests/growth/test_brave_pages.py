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
    assert "Expected 60, felt 30 (30 easier)" in done and "it didn&#39;t happen" in done
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
