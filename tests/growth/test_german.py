"""Growth in German: each page, form and message of an account that chose German speaks
German (its words, its dates, the ladders' prompts and the starter steps), with no English
left in what is shown; what is stored (a ladder's place, a starter's barrier) stays as it was."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.growth.brave import starter_steps
from tending.growth.ladders import ladder
from tending.growth.models import BraveStep, BringUp, Goal, GoalStep, LadderSession, TherapySession
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def german(owner, owner_client):
    """The owner speaking German, with something on every Growth page."""
    type(owner).objects.filter(pk=owner.pk).update(language="de")
    sam, jo = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Jo")
    today = timezone.localdate(timezone=owner.zone)
    step = BraveStep.objects.create(
        owner=owner, text="Open step", hardness=30, person=sam, fear="they laugh", belief=60,
        added_on=today,
    )  # fmt: skip
    BraveStep.objects.create(owner=owner, text="Aside step", hardness=70, set_aside=True,
                             added_on=today)  # fmt: skip
    done = BraveStep.objects.create(
        owner=owner, text="Done step", hardness=60, fear="they laugh", belief=70, added_on=today,
        done_on=today, felt=30, fear_came_true=False, belief_after=20, learned="Kind people",
    )  # fmt: skip
    BraveStep.objects.create(owner=owner, text="Done, not written", hardness=20, added_on=today,
                             done_on=today)  # fmt: skip
    goal = Goal.objects.create(owner=owner, title="See friends", area="connection", why="Why",
                               target=today + timedelta(days=30))  # fmt: skip
    goal.people.set([sam])
    goal.brave_steps.set([done])
    session = TherapySession.objects.create(
        owner=owner, held_on=today - timedelta(days=3), with_whom="Dr K", notes="Notes"
    )
    GoalStep.objects.create(owner=owner, goal=goal, text="Call Sam", due=today - timedelta(days=2))
    walk = GoalStep.objects.create(owner=owner, goal=goal, text="Walk", due=today + timedelta(2))
    GoalStep.objects.create(owner=owner, goal=goal, text="Done thing", done_on=today)
    GoalStep.objects.create(owner=owner, goal=goal, text="Homework", session=session)
    Goal.objects.create(owner=owner, title="Rest goal", area="body", status="paused")
    Goal.objects.create(owner=owner, title="Old goal", area="new", status="done")
    climbing = LadderSession.objects.create(owner=owner, person=sam, set_index=1, answered=12)
    finished = LadderSession.objects.create(
        owner=owner, person=jo, set_index=3, answered=30, passed=6, finished_at=timezone.now()
    )
    LadderSession.objects.create(owner=owner, person=jo, prompt_index=3, answered=3)
    BringUp.objects.create(owner=owner, entry=JournalEntryFactory(owner=owner), note="why")
    BringUp.objects.create(owner=owner, moment=MomentFactory(owner=owner, people=[sam, jo]))
    checkin = CheckIn.objects.create(owner=owner, instrument_id="daily-pulse",
                                     instrument_version=1, answers={}, total=4)  # fmt: skip
    BringUp.objects.create(owner=owner, checkin=checkin)
    return {
        "client": owner_client, "step": step, "done": done, "goal": goal, "walk": walk,
        "session": session, "climbing": climbing, "finished": finished, "today": today,
    }  # fmt: skip


def shown(html: str) -> str:
    """What a person reads of a page: its title, its main part's text, and its labels."""
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<script.*?</script>", " ", main, flags=re.S)
    labels = re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', main)
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", " ".join([title, text, *labels]))


# Words of the English pages that must not be left on the German ones.
ENGLISH = re.compile(
    r"\b(the|your|you|and|with|what|when|steps?|goals?|session|homework|ladder|prompt|set|"
    r"delete|save|cancel|back|more|feels?|expected|fear(?:ed)?|done|change|add|write|keep|"
    r"whenever|nothing|please|since|from|of|toward)\b",
    re.IGNORECASE,
)
# The account's own words, which stay as typed.
TYPED = re.compile(
    r"Open step|Aside step|Done step|Done, not written|they laugh|Kind people|See friends|"
    r"Why|Call Sam|Walk|Done thing|Homework|Rest goal|Old goal|Dr K|Notes|why|An entry \d+|"
    r"A quiet day\.|tending"
)


def english_left(html: str) -> list[str]:
    return ENGLISH.findall(TYPED.sub(" ", shown(html)))


def pages(data) -> dict[str, tuple[str, ...]]:
    """Each page, with German it says."""
    step, done, goal, session = data["step"], data["done"], data["goal"], data["session"]
    climbing, finished = data["climbing"], data["finished"]
    return {
        reverse("growth:home"): ("Wachsen", "Gesprächsleitern", "3 Sachen, die du beim"),
        reverse("growth:brave"): ("Mutige Schritte", "Erwartet 60, gefühlt 30 (30 leichter)."),
        reverse("growth:brave_new"): ("Wie schwer fühlt es sich an?", "Nähe ganz allgemein"),
        reverse("growth:brave_starters"): ("Ideen für den Anfang", "gefühlt etwa 10"),
        reverse("growth:brave_step", args=[step.pk]): ("Dein Schritt", "Gerade zu viel"),
        reverse("growth:brave_outcome", args=[done.pk]): ("Was passiert ist", "zu 70 % geglaubt"),
        reverse("growth:brave_delete", args=[done.pk]): ("Diesen Schritt löschen?",),
        reverse("growth:goals"): ("Bin dran", "Ruht", "1 von 4 Schritten geschafft"),
        reverse("growth:goal_new"): ("Ziel setzen", "Selbstmitgefühl"),
        reverse("growth:goal", args=[goal.pk]): ("wann immer du bereit bist", "Hausaufgabe aus"),
        reverse("growth:goal_edit", args=[goal.pk]): ("Wo steht es gerade?", "Losgelassen"),
        reverse("growth:goal_delete", args=[goal.pk]): ("und seine 4 Schritte",),
        reverse("growth:goal_step_edit", args=[goal.pk, data["walk"].pk]): ("Gehört zu",),
        reverse("growth:ladders"): ("Gesprächsleiter starten", "die leichte Stufe geschafft"),
        reverse("growth:ladder", args=[climbing.pk]): ("Stufe 2 von 3", ladder("de")[1].prompts[0]),
        reverse("growth:ladder", args=[climbing.pk]) + "?stopped=1": ("Hier angehalten",),
        reverse("growth:ladder", args=[finished.pk]): ("alle drei Stufen erklommen",),
        reverse("growth:ladder_delete", args=[climbing.pk]): ("Diese Gesprächsleiter löschen?",),
        reverse("growth:therapy"): ("Therapiebegleitung", "Sitzungen", "Ein Moment mit Jo und Sam"),
        reverse("growth:session_new"): ("Sitzung hinzufügen", "Wann war sie?"),
        reverse("growth:session", args=[session.pk]): ("Worüber habt ihr gesprochen?",),
        reverse("growth:session_delete", args=[session.pk]): ("Hausaufgabe daraus (1 Schritt)",),
        reverse("growth:summary"): ("Für meine nächste Sitzung", "seit meiner Sitzung vom"),
    }


def test_every_growth_page_speaks_german_with_no_english_left(german):
    client = german["client"]
    for url, said in pages(german).items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert response.headers["Content-Language"] == "de"
        for words in said:
            assert words in html.replace("&nbsp;", " "), (url, words)
        assert english_left(html) == [], (url, english_left(html))


def test_the_dates_are_written_as_german_writes_them(german):
    client, today = german["client"], german["today"]
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]  # fmt: skip
    brave = client.get(reverse("growth:brave")).content.decode()
    assert f"· {today.day}. {months[today.month - 1]} {today.year}" in brave
    session = client.get(reverse("growth:session", args=[german["session"].pk])).content.decode()
    held_on = german["session"].held_on
    assert f"Sitzung vom {held_on.day}. {months[held_on.month - 1]} {held_on.year}" in session


@pytest.mark.parametrize(
    ("url", "data", "said"),
    [
        ("growth:brave_new", {"text": "", "hardness": "300"}, "Gib bitte 100 oder weniger an."),
        ("growth:goal_new", {"title": "", "first_steps": "x\n" * 13},
         "Bitte fang mit höchstens 12 Schritten an"),
        ("growth:ladder_start", {"person": "", "starter": ""}, "Bitte sag, wer anfängt."),
        ("growth:session_new", {"held_on": ""}, "Bitte gib den Tag der Sitzung an."),
    ],
)  # fmt: skip
def test_a_form_with_something_to_fix_says_so_in_german(german, url, data, said):
    response = german["client"].post(reverse(url), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert said in html and "Please" not in html


def test_what_happened_and_the_summary_are_said_in_german(german):
    client, step = german["client"], german["step"]
    data = {"done_on": german["today"].isoformat(), "what_happened": "ok", "felt": "10",
            "fear_came_true": "no", "belief_after": "10"}  # fmt: skip
    response = client.post(reverse("growth:brave_outcome", args=[step.pk]), data, follow=True)
    html = response.content.decode()
    assert (
        "Es fühlte sich 20 Punkte leichter an, als du erwartet hattest, und was du befürchtet "
        "hast, ist nicht eingetreten." in html
    )
    assert "Deine Befürchtung ist 0 von 2 Malen eingetreten; die Schritte fühlten sich" in html
    assert "It felt" not in html and "Your fear came true" not in html


def test_a_starter_is_added_in_german_and_counts_as_taken_in_either_language(german, owner):
    client = german["client"]
    barrier, english = starter_steps("de")[0], starter_steps()[0]
    response = client.post(reverse("growth:brave_starters"), {"barrier": "trauma", "step": "2"})
    assert response.status_code == 302
    assert BraveStep.objects.filter(owner=owner, text=barrier.steps[2].text).exists()
    BraveStep.objects.create(owner=owner, text=english.steps[3].text, hardness=35,
                             added_on=german["today"])  # fmt: skip
    html = client.get(reverse("growth:brave_starters")).content.decode()
    assert html.count("Bei deinen Schritten") == 2 and barrier.title in html
    assert english.title not in html and english.steps[0].text not in html


def test_homework_without_a_goal_makes_one_named_in_german_and_finds_it_again(german, owner):
    client, session = german["client"], german["session"]
    url = reverse("growth:session", args=[session.pk])
    for text in ("Try it", "Try again"):
        client.post(url, {"part": "homework", "text": text, "goal": ""})
    made = Goal.objects.get(owner=owner, title="Therapie-Hausaufgaben")
    assert [s.text for s in made.steps.order_by("id")] == ["Try it", "Try again"]
    # One named in English before (the language changed since) is found as well.
    made.title = "Therapy homework"
    made.save()
    client.post(url, {"part": "homework", "text": "Third", "goal": ""})
    assert made.steps.count() == 3 and not Goal.objects.filter(title="Therapie-Hausaufgaben")


def test_the_ladder_keeps_its_place_whatever_the_language(german, owner):
    client, climbing = german["client"], german["climbing"]
    client.post(reverse("growth:ladder", args=[climbing.pk]),
                {"set_index": "1", "prompt_index": "0", "action": "answered"})  # fmt: skip
    climbing.refresh_from_db()
    assert (climbing.set_index, climbing.prompt_index) == (1, 1)
    html = client.get(reverse("growth:ladder", args=[climbing.pk])).content.decode()
    assert ladder("de")[1].prompts[1] in html and ladder()[1].prompts[1] not in html


def test_homework_named_in_german_is_found_after_switching_to_english(german, owner):
    client, session = german["client"], german["session"]
    url = reverse("growth:session", args=[session.pk])
    client.post(url, {"part": "homework", "text": "Try it", "goal": ""})
    type(owner).objects.filter(pk=owner.pk).update(language="en")
    client.post(url, {"part": "homework", "text": "Again", "goal": ""})
    made = Goal.objects.get(owner=owner, title="Therapie-Hausaufgaben")
    assert made.steps.count() == 2 and not Goal.objects.filter(title="Therapy homework")


def test_the_summary_names_a_check_ins_band_in_german(german, owner):
    from tending.checkins.registry import get_instrument
    from tending.checkins.services import save_checkin

    inst = get_instrument("connection")
    with time_machine.travel(timezone.now() - timedelta(days=40)):
        save_checkin(owner, inst, {item.id: 1 for item in inst.items})
    save_checkin(owner, inst, {item.id: 3 for item in inst.items})
    html = german["client"].get(reverse("growth:summary")).content.decode()
    assert "Oft einsam" in html and "Often lonely" not in html
