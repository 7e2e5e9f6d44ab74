"""The safety plan page: adding, removing and moving lines, and choosing safe people."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.safety.models import MAX_PER_PART, Part, PlanEntry, PlanHelper
from tests.factories import PersonFactory, PlanEntryFactory, PlanHelperFactory
from tests.safety.helpers import field_error, text_of

pytestmark = pytest.mark.django_db

PLAN = reverse("safety:plan")
ADD = reverse("safety:entry_add")
ADD_HELPER = reverse("safety:helper_add")


def add(client, part: str, text: str, **extra):
    data = {"part": part, f"{part}-text": text}
    data.update({f"{part}-{k}": v for k, v in extra.items()})
    return client.post(ADD, data)


def texts(owner, part: str) -> list[str]:
    return list(
        PlanEntry.objects.filter(owner=owner, part=part)
        .order_by("position", "id")
        .values_list("text", flat=True)
    )


def test_an_empty_plan_invites_a_first_step(owner_client):
    page = owner_client.get(PLAN).content.decode()
    assert "A line or two in any part is enough to begin" in page
    assert 'href="#part-warning-signs"' in page
    # Every part explains itself and shows an example.
    for part in Part:
        assert f'id="part-{part.value}"' in page
        assert part.label in page
    assert "Thoughts, feelings or situations that tell you a hard time may be starting." in page
    assert 'placeholder="e.g. I stop answering messages"' in page
    assert "People I can ask for help" in page


def test_the_parts_come_in_the_order_of_the_plan(owner_client):
    page = owner_client.get(PLAN).content.decode()
    order = [
        "warning-signs",
        "coping",
        "distractions",
        "helpers",
        "professionals",
        "environment",
        "reasons",
    ]
    positions = [page.index(f'id="part-{key}"') for key in order]
    assert positions == sorted(positions)


def test_adding_lines_to_two_parts(owner, owner_client):
    response = add(owner_client, "warning-signs", "  I stop   answering messages ")
    assert response.status_code == 302
    assert response["Location"] == PLAN + "?part=warning-signs#part-warning-signs"
    add(owner_client, "coping", "A hot shower")
    add(owner_client, "coping", "Music with headphones on")
    assert texts(owner, "warning-signs") == ["I stop answering messages"]
    assert texts(owner, "coping") == ["A hot shower", "Music with headphones on"]
    page = owner_client.get(PLAN).content.decode()
    assert "Added to “Things I can do on my own”." in page
    assert page.index("A hot shower") < page.index("Music with headphones on")
    assert "A line or two in any part is enough to begin" not in page


def test_a_professional_may_have_a_phone_number(owner, owner_client):
    add(owner_client, "professionals", "Dr Okafor, my GP", phone="+44 20 7946 0000")
    entry = PlanEntry.objects.get(owner=owner)
    assert (entry.part, entry.phone) == ("professionals", "+44 20 7946 0000")
    page = owner_client.get(reverse("safety:crisis")).content.decode()
    assert 'href="tel:+442079460000"' in page


def test_only_professionals_have_a_phone_field(owner, owner_client):
    page = owner_client.get(PLAN).content.decode()
    assert 'name="professionals-phone"' in page
    assert 'name="coping-phone"' not in page
    add(owner_client, "coping", "Walk", phone="0170 1234")
    assert PlanEntry.objects.get(owner=owner).phone == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write a few words first."),
        ("   ", "Please write a few words first."),
        ("x" * 301, "Please keep it to 300 characters or fewer (this has 301)."),
    ],
)
def test_bad_text_is_explained_at_the_field_and_nothing_is_saved(
    owner, owner_client, text, message
):
    PlanEntryFactory(owner=owner, part="coping", text="Already here")
    response = add(owner_client, "coping", text)
    assert response.status_code == 400
    page = response.content.decode()
    assert field_error(page, "id_coping-text") == message
    assert 'aria-invalid="true"' in page and "autofocus" in page
    assert "Something needs another look" in page
    assert texts(owner, "coping") == ["Already here"]
    assert "Already here" in page  # what was saved is still shown
    # The other parts' fields are untouched.
    assert field_error(page, "id_warning-signs-text") == ""


def test_text_typed_before_a_mistake_is_kept(owner, owner_client):
    response = add(owner_client, "professionals", "Dr Okafor", phone="ring her")
    assert response.status_code == 400
    page = response.content.decode()
    assert "is not a phone number" in field_error(page, "id_professionals-phone")
    assert 'value="Dr Okafor"' in page
    assert not PlanEntry.objects.exists()


def test_a_part_has_a_short_list(owner, owner_client):
    for n in range(MAX_PER_PART):
        PlanEntryFactory(owner=owner, part="reasons", text=f"Reason {n}")
    response = add(owner_client, "reasons", "One more")
    assert response.status_code == 400
    assert "already has 10 lines" in field_error(response.content.decode(), "id_reasons-text")
    assert PlanEntry.objects.filter(owner=owner).count() == MAX_PER_PART


def test_an_unknown_part_is_refused(owner_client):
    response = owner_client.post(ADD, {"part": "secrets", "secrets-text": "x"})
    assert response.status_code == 400
    assert "That part of the plan was not found" in response.content.decode()
    assert not PlanEntry.objects.exists()


def test_removing_a_line(owner, owner_client):
    keep = PlanEntryFactory(owner=owner, part="coping", text="Keep me")
    gone = PlanEntryFactory(owner=owner, part="coping", text="Remove me")
    response = owner_client.post(reverse("safety:entry_remove", args=[gone.pk]))
    assert response["Location"] == PLAN + "?part=coping#part-coping"
    assert list(PlanEntry.objects.all()) == [keep]
    assert "Removed “Remove me”." in owner_client.get(PLAN).content.decode()


def test_removing_needs_a_post(owner, owner_client):
    entry = PlanEntryFactory(owner=owner)
    response = owner_client.get(reverse("safety:entry_remove", args=[entry.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("safety:plan")
    assert PlanEntry.objects.filter(pk=entry.pk).exists()


def test_moving_lines_up_and_down(owner, owner_client):
    a, b, c = (PlanEntryFactory(owner=owner, part="coping", text=t) for t in "ABC")
    PlanEntryFactory(owner=owner, part="reasons", text="Other part")
    move = reverse("safety:entry_move", args=[c.pk])
    response = owner_client.post(move, {"direction": "up"})
    assert response["Location"] == f"{PLAN}?open=entry-{c.pk}#entry-{c.pk}"
    assert texts(owner, "coping") == ["A", "C", "B"]
    # Back on the plan, the moved line is open, ready to move again.
    page = owner_client.get(response["Location"]).content.decode()
    assert f'<li id="entry-{c.pk}">\n        <details class="row-edit" open>' in page
    assert page.count('class="row-edit" open') == 1
    owner_client.post(move, {"direction": "up"})
    assert texts(owner, "coping") == ["C", "A", "B"]
    owner_client.post(move, {"direction": "up"})  # already first: nothing changes
    assert texts(owner, "coping") == ["C", "A", "B"]
    owner_client.post(reverse("safety:entry_move", args=[a.pk]), {"direction": "down"})
    assert texts(owner, "coping") == ["C", "B", "A"]
    owner_client.post(reverse("safety:entry_move", args=[a.pk]), {"direction": "sideways"})
    assert texts(owner, "coping") == ["C", "B", "A"]
    assert texts(owner, "reasons") == ["Other part"]


def test_moving_works_after_ties_and_gaps(owner, owner_client):
    a = PlanEntryFactory(owner=owner, part="coping", text="A", position=5)
    PlanEntryFactory(owner=owner, part="coping", text="B", position=5)
    PlanEntryFactory(owner=owner, part="coping", text="C", position=9)
    owner_client.post(reverse("safety:entry_move", args=[a.pk]), {"direction": "down"})
    assert texts(owner, "coping") == ["B", "A", "C"]


def test_the_first_line_cannot_move_up_and_the_last_not_down(owner, owner_client):
    PlanEntryFactory(owner=owner, part="coping", text="Only one")
    page = owner_client.get(PLAN).content.decode()
    section = page[page.index('id="part-coping"') : page.index('id="part-distractions"')]
    assert section.count(" disabled>") == 2


# --- people to ask for help --------------------------------------------------------------


def test_with_no_safe_people_the_page_explains_how_to_mark_one(owner, owner_client):
    PersonFactory(owner=owner, name="Not Yet Safe")
    page = owner_client.get(PLAN).content.decode()
    words = text_of(page)
    assert "Nobody in your circle is marked as a safe person yet" in words
    assert "tick “A safe person”" in words
    assert reverse("circle:circle") in page
    assert 'name="person"' not in page


def test_only_the_owners_safe_active_people_are_offered(owner, other, owner_client):
    PersonFactory(owner=owner, name="Safe Sam", is_safe=True)
    PersonFactory(owner=owner, name="Plain Pat")
    PersonFactory(owner=owner, name="Archived Ari", is_safe=True, is_archived=True)
    PersonFactory(owner=other, name="Other Olu", is_safe=True)
    page = owner_client.get(PLAN).content.decode()
    assert ">Safe Sam</option>" in page
    for name in ("Plain Pat", "Archived Ari", "Other Olu"):
        assert f">{name}</option>" not in page


def test_adding_a_safe_person(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Safe Sam", is_safe=True)
    response = owner_client.post(ADD_HELPER, {"person": sam.pk})
    assert response["Location"] == PLAN + "?part=helpers#part-helpers"
    assert [h.person for h in PlanHelper.objects.filter(owner=owner)] == [sam]
    page = owner_client.get(PLAN).content.decode()
    assert "Safe Sam is in your plan." in page
    assert ">Safe Sam</option>" not in page  # not offered twice
    assert "All your safe people are in the plan" in page


def person_choice_error(response) -> str:
    assert response.status_code == 400
    return field_error(response.content.decode(), "id_person")


def test_a_person_not_marked_safe_is_refused_at_the_field(owner, owner_client):
    PersonFactory(owner=owner, name="Safe Sam", is_safe=True)
    pat = PersonFactory(owner=owner, name="Plain Pat")
    error = person_choice_error(owner_client.post(ADD_HELPER, {"person": pat.pk}))
    assert error.startswith("Plain Pat is not marked as a safe person yet.")
    assert not PlanHelper.objects.exists()


def test_a_refusal_shows_even_when_nobody_is_safe_yet(owner, owner_client):
    pat = PersonFactory(owner=owner, name="Plain Pat")
    response = owner_client.post(ADD_HELPER, {"person": pat.pk})
    assert person_choice_error(response).startswith("Plain Pat is not marked as a safe person")
    assert "Nobody in your circle is marked as a safe person yet" in response.content.decode()
    assert not PlanHelper.objects.exists()


def test_an_archived_person_is_refused_at_the_field(owner, owner_client):
    ari = PersonFactory(owner=owner, name="Archived Ari", is_safe=True, is_archived=True)
    PersonFactory(owner=owner, name="Safe Sam", is_safe=True)
    error = person_choice_error(owner_client.post(ADD_HELPER, {"person": ari.pk}))
    assert error == "Archived Ari is archived. Bring them back to your circle first."
    assert not PlanHelper.objects.exists()


@pytest.mark.parametrize("value", ["other", "", "abc", "99999999", "9" * 30, "-1"])
def test_another_owners_or_no_person_is_refused_without_naming_anyone(
    owner, other, owner_client, value
):
    PersonFactory(owner=owner, name="Safe Sam", is_safe=True)
    olu = PersonFactory(owner=other, name="Other Olu", is_safe=True)
    sent = olu.pk if value == "other" else value
    response = owner_client.post(ADD_HELPER, {"person": sent})
    error = person_choice_error(response)
    assert error in {
        "Please choose one of your safe people from the list.",
        "Please choose someone.",
    }
    assert "Other Olu" not in response.content.decode()
    assert not PlanHelper.objects.exists()


def test_the_same_person_twice_is_refused(owner, owner_client):
    helper = PlanHelperFactory(person=PersonFactory(owner=owner, name="Safe Sam", is_safe=True))
    error = person_choice_error(owner_client.post(ADD_HELPER, {"person": helper.person.pk}))
    assert error == "Safe Sam is already in your plan."
    assert PlanHelper.objects.count() == 1


def test_removing_and_moving_people(owner, owner_client):
    first, second = (
        PlanHelperFactory(person=PersonFactory(owner=owner, name=n, is_safe=True))
        for n in ("Ann", "Bo")
    )
    response = owner_client.post(
        reverse("safety:helper_move", args=[second.pk]), {"direction": "up"}
    )
    assert response["Location"] == f"{PLAN}?open=helper-{second.pk}#helper-{second.pk}"
    order = list(
        PlanHelper.objects.order_by("position", "id").values_list("person__name", flat=True)
    )
    assert order == ["Bo", "Ann"]
    response = owner_client.post(reverse("safety:helper_remove", args=[first.pk]))
    assert response["Location"] == PLAN + "?part=helpers#part-helpers"
    assert list(PlanHelper.objects.values_list("person__name", flat=True)) == ["Bo"]
    assert first.person.__class__.objects.filter(pk=first.person.pk).exists()  # still in the circle
    assert "Ann is no longer in your plan" in owner_client.get(PLAN).content.decode()


def test_a_helper_no_longer_safe_is_flagged_on_the_plan_page(owner, owner_client):
    PlanHelperFactory(person=PersonFactory(owner=owner, name="Uma", is_safe=False))
    page = owner_client.get(PLAN).content.decode()
    assert "Not marked safe: not shown in your plan" in page


def test_deleting_a_person_from_the_circle_takes_them_out_of_the_plan(owner, owner_client):
    helper = PlanHelperFactory(person=PersonFactory(owner=owner, name="Sam", is_safe=True))
    owner_client.post(reverse("circle:person_delete", args=[helper.person.pk]))
    assert not PlanHelper.objects.exists()


def test_another_account_cannot_touch_the_plan(owner, other_client):
    entry = PlanEntryFactory(owner=owner, text="Mine")
    helper = PlanHelperFactory(person=PersonFactory(owner=owner, is_safe=True))
    for name, obj in [
        ("safety:entry_remove", entry),
        ("safety:entry_move", entry),
        ("safety:helper_remove", helper),
        ("safety:helper_move", helper),
    ]:
        assert (
            other_client.post(reverse(name, args=[obj.pk]), {"direction": "up"}).status_code == 404
        )
    assert PlanEntry.objects.filter(pk=entry.pk).exists()
    assert PlanHelper.objects.filter(pk=helper.pk).exists()
    assert "Mine" not in other_client.get(PLAN).content.decode()


def test_the_plan_page_makes_the_same_few_queries_however_long_the_plan(owner, owner_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get(PLAN).status_code == 200
        return len(queries)

    PlanEntryFactory(owner=owner, part="coping")
    PlanHelperFactory(person=PersonFactory(owner=owner, is_safe=True))
    few = count()
    for part in Part:
        for _ in range(5):
            PlanEntryFactory(owner=owner, part=part.value)
    for _ in range(5):
        PlanHelperFactory(person=PersonFactory(owner=owner, is_safe=True))
    assert count() == few <= 10


def test_the_plan_page_needs_login(anon_client):
    response = anon_client.get(PLAN)
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))
