"""The report page and its PDF: choosing the period and parts, bad input, and only one's own."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tending.insights import report_queries
from tending.insights.report import END_AHEAD, START_AFTER_END, TOO_LONG
from tending.insights.report_forms import NO_SECTION, NOT_LISTED
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory, PlanEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def midday():
    """Noon in Berlin and UTC alike: near midnight the two name different days, and these
    tests mix the server's day with the account's."""
    with time_machine.travel(datetime(2026, 12, 2, 11, tzinfo=UTC), tick=True):
        yield


REPORT = reverse("insights:report")
PDF = reverse("insights:report_pdf")


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="tending-report-')
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def choices(**extra):
    today = timezone.localdate()
    data = {"start": (today - timedelta(days=30)).isoformat(), "end": today.isoformat()}
    data.update(extra)
    return data


@pytest.fixture
def life(owner):
    sam = PersonFactory(owner=owner, name="Søren Ødegård", ring="inner")
    MomentFactory(owner=owner, people=[sam], felt_understood=5)
    today = timezone.localdate()
    return {
        "chosen": JournalEntryFactory(
            owner=owner, title="Chosen entry", body="Words to share", written_on=today
        ),
        "kept": JournalEntryFactory(
            owner=owner, title="Kept entry", body="Words to keep", written_on=today
        ),
        "plan": PlanEntryFactory(owner=owner, part="warning-signs", text="Staying in bed all day"),
    }


def test_the_page_opens_with_the_last_three_months_and_private_parts_unticked(owner_client, life):
    response = owner_client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    report = response.context["report"]
    assert report.sections == ("scores", "moments", "findings")
    assert 'Inner ring: <span dir="auto">Søren Ødegård</span> (1 moment)' in page
    assert "Words to share" not in page and "Staying in bed all day" not in page
    assert 'name="sections" value="safety"' in page and 'value="safety" checked' not in page
    # The entries are offered once "Journal entries" is ticked, none of them ticked.
    assert "Chosen entry" not in page and 'id="entries-later"' in page
    offered = owner_client.get(REPORT, choices(sections=["journal"])).content.decode()
    assert "Chosen entry" in offered and 'id="entries-later"' not in offered
    assert re.search(rf'value="{life["chosen"].pk}" id="id_entries_\d+">', offered)
    assert "Words to share" not in offered


def test_entries_ticked_are_let_go_when_journal_entries_is_unticked(owner_client, life):
    data = choices(sections=["moments"], entries=[life["chosen"].pk])
    response = owner_client.get(REPORT, data)
    assert response.status_code == 200 and "Words to share" not in response.content.decode()
    assert "Words to share" not in pdf_text(owner_client.post(PDF, data))


def test_a_ticked_entry_stays_ticked_when_the_page_comes_back(owner_client, life):
    data = choices(sections=["journal"], entries=[life["chosen"].pk])
    page = owner_client.get(REPORT, data).content.decode()
    assert re.search(rf'value="{life["chosen"].pk}" id="id_entries_\d+" checked>', page)
    assert re.search(rf'value="{life["kept"].pk}" id="id_entries_\d+">', page)


def test_the_pdf_holds_the_chosen_parts_and_none_of_the_others(owner_client, life):
    data = choices(sections=["moments", "journal"], entries=[life["chosen"].pk])
    text = pdf_text(owner_client.post(PDF, data))
    assert "Søren Ødegård" in text and "Chosen entry" in text and "Words to share" in text
    assert "Kept entry" not in text and "Words to keep" not in text
    assert "Safety plan" not in text and "Staying in bed all day" not in text
    with_plan = pdf_text(owner_client.post(PDF, choices(sections=["safety"])))
    assert "Staying in bed all day" in with_plan and "Søren Ødegård" not in with_plan


def test_the_page_offers_a_pdf_form_with_the_same_choices(owner_client, life):
    data = choices(sections=["journal"], entries=[life["chosen"].pk])
    page = owner_client.get(REPORT, data).content.decode()
    form = page.split(f'action="{PDF}"', 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in form
    assert f'name="entries" value="{life["chosen"].pk}"' in form
    assert 'name="sections" value="journal"' in form and 'value="safety"' not in form


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            choices(start="2026-12-31", end="2026-01-01", sections=["scores"]),
            "start",
            START_AFTER_END,
        ),
        (choices(start="1990-01-01", sections=["scores"]), "start", TOO_LONG),
        (choices(end="2999-01-01", sections=["scores"]), "end", END_AHEAD),
        (choices(start="someday", sections=["scores"]), "start", "Please give a date"),
        (choices(), "sections", NO_SECTION),
        (choices(sections=["scores", "everything"]), "sections", "Please choose"),
    ],
)
def test_bad_choices_get_a_message_next_to_the_field(owner_client, data, field, message):
    for response in (owner_client.get(REPORT, data), owner_client.post(PDF, data)):
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        errors = response.context["form"].errors
        assert any(message in error for error in errors[field]), errors
        assert f'id="id_{field}_error"' in response.content.decode()


def test_another_accounts_entry_can_never_be_chosen(owner, other_client, life):
    data = choices(sections=["journal"], entries=[life["chosen"].pk])
    for response in (other_client.get(REPORT, data), other_client.post(PDF, data)):
        assert response.status_code == 400
        assert response.context["form"].errors["entries"] == [NOT_LISTED]
        assert "Words to share" not in response.content.decode()
        assert "Chosen entry" not in response.content.decode()


def test_an_entry_outside_the_period_cannot_be_chosen(owner, owner_client):
    old = JournalEntryFactory(
        owner=owner, title="Long ago", written_on=timezone.localdate() - timedelta(days=90)
    )
    data = choices(sections=["journal"], entries=[old.pk])
    response = owner_client.post(PDF, data)
    assert response.status_code == 400 and response.context["form"].errors["entries"]


def test_a_get_of_the_pdf_address_goes_to_the_form(owner_client):
    response = owner_client.get(PDF)
    assert response.status_code == 302 and response["Location"] == REPORT


def test_many_entries_are_capped_with_a_note(owner, owner_client, monkeypatch):
    monkeypatch.setattr(report_queries, "ENTRIES_LISTED", 2)
    for n in range(3):
        JournalEntryFactory(owner=owner, title=f"Entry {n}", written_on=timezone.localdate())
    response = owner_client.get(REPORT, choices(sections=["journal"]))
    assert len(response.context["form"].fields["entries"].offered) == 2
    assert 'id="more-entries"' in response.content.decode()


def test_the_report_page_lists_ten_findings_and_counts_the_rest(owner_client, monkeypatch):
    from types import SimpleNamespace

    from tending.insights import findings

    made = [SimpleNamespace(status="finding", sentence=f"Pattern number {i}.") for i in range(14)]
    monkeypatch.setattr(findings, "current_findings", lambda user: made)
    html = owner_client.get(REPORT).content.decode()
    assert [i for i in range(14) if f"Pattern number {i}." in html] == list(range(10))
    assert "4 more patterns, less clear than these, are in tending&#39;s Insights." in html


def test_results_fall_on_the_persons_own_day_across_a_clock_change(owner, owner_client):
    from tending.checkins.models import CheckIn

    owner.time_zone = "Europe/Berlin"  # summer time ends on 25 October 2026
    owner.save()
    for when, total in (
        (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), 1.0),  # 00:30 on the 25th, summer time
        (datetime(2026, 10, 25, 22, 30, tzinfo=UTC), 2.0),  # 23:30 on the 25th, winter time
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), 3.0),  # 00:30 on the 26th
    ):
        CheckIn.objects.create(
            owner=owner,
            instrument_id="daily-pulse",
            instrument_version=1,
            answers={},
            total=total,
            taken_at=when,
        )
    data = {"start": "2026-10-20", "end": "2026-10-30", "sections": ["scores"]}
    page = owner_client.get(REPORT, data).content.decode()
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", page)
    assert rows == [("25 Oct 2026", "1"), ("25 Oct 2026", "2"), ("26 Oct 2026", "3")]


def test_kept_results_move_with_one_added_or_deleted(owner, owner_client, other):
    from tending.checkins.models import CheckIn

    def taken(who, total: float, day: int) -> CheckIn:
        return CheckIn.objects.create(
            owner=who,
            instrument_id="daily-pulse",
            instrument_version=1,
            answers={},
            total=total,
            taken_at=datetime(2026, 11, day, 12, tzinfo=UTC),
        )

    def results() -> list[str]:
        page = owner_client.get(REPORT, choices(sections=["scores"])).content.decode()
        return re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", page)

    taken(owner, 2.0, 10)
    assert results() == [("10 Nov 2026", "2")]
    taken(other, 5.0, 11)  # another account's: neither shown nor moving the kept one
    assert results() == [("10 Nov 2026", "2")]
    newest = taken(owner, 4.0, 12)
    assert results() == [("10 Nov 2026", "2"), ("12 Nov 2026", "4")]
    owner_client.post(reverse("checkins:delete", args=[newest.pk]))
    assert results() == [("10 Nov 2026", "2")]


def test_kept_moments_move_with_a_moment_or_a_person(owner, owner_client, other):
    sam = PersonFactory(owner=owner, name="Sam", ring="inner")
    in_period = datetime(2026, 11, 10, 12, tzinfo=UTC)

    def summary() -> str:
        page = owner_client.get(REPORT, choices(sections=["moments"])).content.decode()
        return page.split('id="report-moments"', 1)[1].split("</section>", 1)[0]

    first = MomentFactory(owner=owner, people=[sam], occurred_at=in_period, felt_understood=2)
    assert "1 moment logged" in summary() and "Sam</span> (1 moment)" in summary()
    MomentFactory(owner=other, occurred_at=in_period)  # another account's: no change
    assert "1 moment logged" in summary()
    MomentFactory(owner=owner, people=[sam], occurred_at=in_period, felt_understood=4)
    assert "2 moments logged" in summary() and "felt understood: 3 of 5" in summary()
    first.felt_understood = 5
    first.save()
    assert "felt understood: 4.5 of 5" in summary()
    sam.name = "Samira"
    sam.save()
    assert "Samira</span> (2 moments)" in summary()
    first.delete()
    assert "1 moment logged" in summary()


def test_an_entry_offered_to_tick_is_shown_escaped_once(owner, owner_client):
    JournalEntryFactory(owner=owner, title='Tom & <Jerry> "said"', written_on=timezone.localdate())
    for _ in range(2):  # the second time, the label comes from what was kept
        page = owner_client.get(REPORT, choices(sections=["journal"])).content.decode()
        assert '<span dir="auto">' in page
        assert "Tom &amp; &lt;Jerry&gt; &#34;said&#34;" in page
        assert "<Jerry>" not in page and "&amp;amp;" not in page
