"""Welcome (the first account), login, logout and personal settings."""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.core import account_questions, languages, throttle
from tending.core.forms import SettingsForm, WelcomeForm
from tending.core.plain_messages import PlainPasswordChangeForm
from tending.core.redirects import safe_next_url


def home(request):
    if request.user.is_authenticated:
        return redirect("today:today")
    return redirect("core:login")


def _speak_as_chosen(request) -> None:
    """The language just chosen (a new account, or Settings saved) speaks from here on, so
    the note saying it was done is in it too."""
    language, _chosen = languages.language_of(request)
    translation.activate(language)
    request.LANGUAGE_CODE = language


@require_http_methods(["GET", "POST"])
def welcome(request):
    """Create the owner account on the first visit; afterwards this page is gone."""
    if settings.HOSTED or get_user_model().objects.exists():
        raise Http404("tending is already set up.")
    data = request.POST if request.method == "POST" else None
    form = WelcomeForm(data)
    # What other parts ask as the account is made (the country for crisis lines).
    extras = account_questions.questions(data, request)
    # Every form is checked, so each shows its own notes at once.
    if request.method == "POST" and all([form.is_valid()] + [e.is_valid() for e in extras]):
        with transaction.atomic():
            if get_user_model().objects.exists():
                raise Http404("tending is already set up.")
            user = form.save()
            for extra in extras:
                extra.save(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        _speak_as_chosen(request)
        messages.success(request, _("Welcome. Start by adding the people in your life."))
        return redirect("circle:person_add")
    return render(request, "core/welcome.html", {"form": form, "extras": extras})


class LoginView(auth_views.LoginView):
    """Log in; after five failed tries for a name from one address, wait fifteen minutes.

    The wait applies to names that exist and names that do not, with the same words, so the
    answer never tells whether an account exists.
    """

    template_name = "core/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        self.address = throttle.client_address(request)
        username = request.POST.get("username", "")
        if username.strip():
            until = throttle.count_try(username, self.address)
            if until is not None:
                return self.refuse(until)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # A forgotten password: set at the terminal in personal mode, by the host when hosted.
        return super().get_context_data(hosted=settings.HOSTED, **kwargs)

    def get_redirect_url(self) -> str:
        """A `next=` only when it is a path on this site, as everywhere in tending."""
        target = self.request.POST.get("next", self.request.GET.get("next", ""))
        return safe_next_url(self.request, target) or ""

    def form_valid(self, form):
        throttle.forget_failures(self.request.POST.get("username", ""), self.address)
        return super().form_valid(form)

    def refuse(self, until):
        minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
        context = self.get_context_data(form=self.get_form_class()(self.request))
        context["wait_minutes"] = minutes
        response = render(self.request, self.template_name, context, status=429)
        response["Retry-After"] = str(minutes * 60)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password; this session stays logged in, every other one ends."""

    template_name = "core/password.html"
    form_class = PlainPasswordChangeForm

    def get_success_url(self) -> str:
        return reverse("core:settings")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed. Other devices are logged out."))
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request):
    form = SettingsForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        _speak_as_chosen(request)
        messages.success(request, _("Saved."))
        return redirect("core:settings")
    return render(request, "core/settings.html", {"form": form})
