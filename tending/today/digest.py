"""The weekly e-mail digest: the week's reminders in a short plain e-mail, one per person."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext

from tending.core.date_format import format_date
from tending.core.languages import account_language
from tending.today.feed import Reminder
from tending.today.models import CalendarFeed, EmailDigest
from tending.today.queries import feed_reminders

log = logging.getLogger(__name__)
WEEK = 7
# How a day of the coming week is written ("Mon 03 Mar"); each language writes it its way
# (DATE_FORMATS in tending/core/date_format.py).
DAY_FORMAT = "D d M"


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0


def week_lines(reminders: list[Reminder], today: date) -> list[str]:
    """One line per reminder falling in the coming week, soonest first."""
    end = today + timedelta(days=WEEK)
    dated = []
    for r in reminders:
        day = r.day if r.day is not None else (r.start.date() if r.start else None)
        if day is None:
            continue
        if r.yearly:  # the first day may be this year's or next year's
            day = day if day >= today else day.replace(year=day.year + 1)
        if today <= day < end:
            dated.append((day, r.summary))
    return [f"{format_date(day, DAY_FORMAT)}: {summary}" for day, summary in sorted(dated)]


def compose(digest: EmailDigest, today: date) -> EmailMessage:
    owner = digest.owner
    # Names only as the person chose for the calendar; no journal or check-in content.
    options = CalendarFeed.objects.filter(owner=owner).first() or CalendarFeed(owner=owner)
    lines = week_lines(feed_reminders(owner, options, today), today)
    body = [gettext("Hello,"), "", gettext("Here is your week in tending:"), ""]
    body += [f"  {line}" for line in lines] or [
        "  " + gettext("Nothing planned. A quiet week is fine too.")
    ]
    body += [
        "",
        # Translators: two lines of a plain-text e-mail; keep the line break near the middle.
        gettext(
            "Nothing is lost if you skip something. If you need help now, open tending and tap\n"
            "“Need help now”."
        ),
        "",
        gettext(
            "You get this because you turned on the weekly e-mail in tending; turn it off there."
        ),
    ]
    return EmailMessage(
        subject=gettext("Your week in tending"),
        body="\n".join(body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.email],
    )


def mail_failure(exc: BaseException) -> str:
    """What went wrong with a mail, without any address: the kind of error and SMTP codes."""
    codes: list[int] = []
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
    elif isinstance(exc, smtplib.SMTPResponseException):
        codes = [exc.smtp_code]
    said = f" (the mail server answered {', '.join(map(str, sorted(set(codes))))})" if codes else ""
    return f"{type(exc).__name__}{said}"


def send_digests() -> SendReport:
    """Send every enabled digest; one failure is logged and the others still go out."""
    report = SendReport()
    for digest in EmailDigest.objects.filter(enabled=True).select_related("owner"):
        timezone.activate(digest.owner.zone)
        # Each e-mail in its account's language, else English (no page asks in one here).
        language = account_language(digest.owner)
        try:
            with translation.override(language):
                message = compose(digest, timezone.localdate())
            message.send(fail_silently=False)
        except Exception as exc:  # any mail error: log it (without the address) and go on
            # Not the exception's text or traceback: a refusal quotes the address, often twice.
            log.error(
                "Could not send the weekly digest for account %s: %s",
                digest.owner_id,
                mail_failure(exc),
            )
            report.failed += 1
        else:
            digest.last_sent_at = timezone.now()
            digest.save(update_fields=["last_sent_at"])
            report.sent += 1
        finally:
            timezone.deactivate()
    return report
