"""Settings → API tokens (make, see, revoke) and the API's interactive documentation page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tending.api.forms import TokenForm
from tending.api.models import AccessToken
from tending.api.tokens import LIFETIMES, MAX_TOKENS, make_token
from tending.core.errors import post_only
from tending.core.ownership import get_owned_or_404, owned


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = TokenForm(request.POST if request.method == "POST" else None)
    made = secret = None
    mine = owned(AccessToken, request.user)
    if request.method == "POST" and form.is_valid():
        if mine.count() >= MAX_TOKENS:
            form.add_error(
                None,
                _("You have %(count)d tokens; revoke one you no longer use first.")
                % {"count": MAX_TOKENS},
            )
        else:
            data = form.cleaned_data
            made, secret = make_token(
                request.user, data["name"], data["access"] == "write", LIFETIMES[data["lasts"]]
            )
            form = TokenForm()
    # The secret is shown in this answer only: never stored, never in a message or a redirect.
    context = {
        "form": form,
        "tokens": list(mine),
        "made": made,
        "secret": secret,
        "now_moment": timezone.now(),
    }
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@login_required
@post_only("api:tokens")
def revoke(request, token_id: int):
    token = get_owned_or_404(AccessToken, request.user, pk=token_id)
    name = token.name
    token.delete()
    messages.success(
        request, _("“%(name)s” is revoked: it no longer works anywhere.") % {"name": name}
    )
    return redirect("api:tokens")


@login_required
def docs(request):
    return render(request, "api/docs.html", {})
