"""The private calendar feed and the page that turns it on, off, or gives a new link."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from tending.core.auth import read_user
from tending.core.languages import account_language
from tending.core.ownership import owned
from tending.core.tokens import new_token, token_hash
from tending.today import feed as calendar
from tending.today.forms import DigestForm, FeedOptionsForm
from tending.today.models import CalendarFeed, EmailDigest
from tending.today.queries import feed_reminders


def _new_link(request, feed: CalendarFeed) -> str:
    token = new_token()
    feed.token_hash = token_hash(token)
    feed.save()
    return request.build_absolute_uri(reverse("today:feed", args=[token]))


# Written out, and the owner read as the sign-in reads them: a calendar app asks for the feed
# every few minutes, and building these through the ORM cost more than the feed's events.
FEED_SQL = (
    "SELECT id, owner_id, use_initials, review_weekday, review_time FROM today_calendarfeed"
    " WHERE token_hash = %s"
)


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    feed = owned(CalendarFeed, request.user).first()
    link = None
    form = FeedOptionsForm(instance=feed) if feed else None
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ("turn-on", "new-link"):
        # The link is shown once, on this response; only its hash is kept.
        link = _new_link(request, feed or CalendarFeed(owner=request.user))
        feed = owned(CalendarFeed, request.user).get()
        form = FeedOptionsForm(instance=feed)
    elif action == "turn-off" and feed is not None:
        feed.delete()
        messages.success(
            request, gettext("The calendar link is switched off; it shows nothing now.")
        )
        return redirect("today:calendar")
    elif action == "digest" and settings.HOSTED:
        digest = owned(EmailDigest, request.user).first() or EmailDigest(owner=request.user)
        digest_form = DigestForm(request.POST, instance=digest)
        if digest_form.is_valid():
            digest_form.save()
            messages.success(request, gettext("Saved."))
            return redirect("today:calendar")
        return render(
            request,
            "today/calendar.html",
            {"feed": feed, "link": None, "form": form, "digest_form": digest_form},
            status=400,
        )
    elif action == "options" and feed is not None:
        form = FeedOptionsForm(request.POST, instance=feed)
        if form.is_valid():
            form.save()
            messages.success(
                request, gettext("Saved. Calendar apps pick up changes when they next look.")
            )
            return redirect("today:calendar")
    status = 400 if form is not None and form.errors else 200
    context = {"feed": feed, "link": link, "form": form, "digest_form": _digest_form(request)}
    return render(request, "today/calendar.html", context, status=status)


def _digest_form(request) -> DigestForm | None:
    """The weekly e-mail is for hosted instances, where the host has set up sending mail."""
    if not settings.HOSTED:
        return None
    digest = owned(EmailDigest, request.user).first()
    initial = {} if digest else {"email": request.user.email, "enabled": False}
    return DigestForm(instance=digest, initial=initial)


@require_GET
def feed(request, token: str):
    """Public, but only for whoever holds the secret link; a wrong or old link is a 404."""
    found = next(iter(CalendarFeed.objects.raw(FEED_SQL, [token_hash(token)])), None)
    owner = None if found is None else read_user(found.owner_id)
    if owner is None:
        raise Http404("No such calendar.")
    timezone.activate(owner.zone)
    # No page asks in a language here: the events speak the account's, else English.
    with translation.override(account_language(owner)):
        body = calendar.build_calendar(
            feed_reminders(owner, found, timezone.localdate()),
            host=request.get_host().split(":")[0] or "tending",
            stamp=timezone.now(),
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="tending.ics"'
    return response
