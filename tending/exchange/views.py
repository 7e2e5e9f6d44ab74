"""Settings → Your data: downloads, import with preview and confirm, deleting the account."""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from tending.core.security import ReferrerlessCsrfMiddleware
from tending.exchange import uploads
from tending.exchange.checking import DocumentError, parse_document
from tending.exchange.deletion import delete_account as delete_everything
from tending.exchange.foreign import ForeignFileError, source
from tending.exchange.formats import EXPORT_FORMATS
from tending.exchange.importer import ImportRefused, import_document
from tending.exchange.web import (
    SHOWN_ITEMS,
    TENDING,
    CappedUploadHandler,
    DeleteAccountForm,
    ImportForm,
    count_lines,
    kind_labels,
    source_choices,
)

UNREADABLE = (DocumentError, ForeignFileError)
# tending's CSRF check, run by the view itself once its upload handler is in place.
csrf_protect = decorator_from_middleware(ReferrerlessCsrfMiddleware)


def _your_data(request, form: ImportForm, status: int = 200):
    context = {"formats": list(EXPORT_FORMATS.values()), "form": form}
    return render(request, "exchange/your_data.html", context, status=status)


@login_required
@require_GET
def your_data(request):
    uploads.sweep(settings.DATA_DIR)
    return _your_data(request, ImportForm())


@login_required
@require_http_methods(["GET", "POST"])
def export(request):
    if request.method == "GET":
        return redirect("exchange:your_data")
    chosen = EXPORT_FORMATS.get(request.POST.get("format", ""))
    if chosen is None:
        messages.error(request, _("Choose one of the downloads below."))
        return redirect("exchange:your_data")
    user = request.user
    # Written whole first, into a file with no name (removed from the folder as it is made,
    # gone when the download closes), then sent a piece at a time: memory stays flat, and
    # no transaction stays open while a slow connection takes the file.
    spool = tempfile.TemporaryFile(dir=settings.DATA_DIR)  # noqa: SIM115 (FileResponse closes it)
    try:
        chosen.write(user, spool)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    name = f"tending-{user.get_username()}-{timezone.localdate():%Y-%m-%d}{chosen.suffix}"
    response = FileResponse(
        spool, content_type=chosen.media_type, as_attachment=True, filename=name
    )
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # the token is checked below, once the upload handler is in place
@login_required
def import_file(request):
    handler = CappedUploadHandler(request)
    request.upload_handlers = [handler]
    return _import_file(request, handler)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _import_file(request, handler: CappedUploadHandler):
    if request.method == "GET":
        return redirect("exchange:your_data")
    form = ImportForm(request.POST, request.FILES, too_large=handler.too_large)
    if not form.is_valid():
        return _your_data(request, form)
    data = form.cleaned_data["file"].read()
    name = form.cleaned_data["source"]
    try:
        preview = _preview(name, data, _account(request))
    except UNREADABLE as exc:
        form.add_error("file", _("%(problem)s Nothing was added.") % {"problem": _message(exc)})
        return _your_data(request, form)
    upload = uploads.keep(settings.DATA_DIR, request.user.pk, name, data)
    return _preview_page(request, upload, preview)


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request, upload: str):
    found = uploads.find(settings.DATA_DIR, request.user.pk, upload)
    if found is None:
        raise Http404("No such upload")
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "cancel":
        uploads.remove(found.path)
        messages.success(request, _("Nothing was added, and the file is gone from tending."))
        return redirect("exchange:your_data")
    try:
        if action == "add":
            added, kept = _add(found, request)
            uploads.remove(found.path)
            context = {"added": added, "kept": kept, "upgraded": None}
            return render(request, "exchange/import_done.html", context)
        preview = _preview(found.source, found.read(), _account(request))
    except (*UNREADABLE, ImportRefused) as exc:
        preview = {"problem": _message(exc)}
    return _preview_page(request, found, preview)


def _account(request):
    """The logged-in user itself, not the lazy stand-in (the importer asks for its class)."""
    user = request.user
    user.pk  # noqa: B018  (makes the stand-in fetch the user)
    return getattr(user, "_wrapped", user)


def _message(exc: Exception) -> str:
    text = str(exc).strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _preview_page(request, upload: uploads.Upload, preview: dict):
    label = dict(source_choices())
    context = {
        "upload": upload,
        "what": label.get(upload.source, upload.source),
        "kinds": kind_labels(),
        **dict.fromkeys(("problem", "refused", "upgraded", "more"), None),
        **dict.fromkeys(("lines", "items", "duplicates", "kept"), ()),
        **preview,
    }
    return render(request, "exchange/import_preview.html", context)


def _preview(name: str, data: bytes, user) -> dict:
    """What adding the file would do, written nowhere; raises if the file cannot be read."""
    if name == TENDING:
        document = parse_document(data)
        try:
            summary = import_document(document, user, dry_run=True)
        except ImportRefused as exc:
            return {"refused": str(exc)}
        return {"lines": summary.lines(), "upgraded": summary.upgraded_from}
    reading = source(name).read(data, user)
    default = set(reading.default_choice())
    return {
        "lines": count_lines(reading.new_counts()),
        "items": [(i, item, i in default) for i, item in enumerate(reading.items[:SHOWN_ITEMS])],
        "more": max(len(reading.items) - SHOWN_ITEMS, 0),
        "duplicates": [item for item in reading.items if item.duplicate],
        "kept": reading.kept_as_text,
    }


def _add(found: uploads.Upload, request) -> tuple[list[str], list[str]]:
    """Add the file to the account in one transaction: what was added, what kept as text."""
    user, data = _account(request), found.read()
    if found.source == TENDING:
        return import_document(parse_document(data), user).lines(), []
    reader = source(found.source)
    reading = reader.read(data, user)
    chosen = None
    if request.POST.get("choosing"):
        shown = min(len(reading.items), SHOWN_ITEMS)
        ticked = {int(v) for v in request.POST.getlist("chosen") if v.isdigit()}
        chosen = sorted(i for i in ticked if i < shown)
        chosen += [i for i in reading.default_choice() if i >= shown]
    with transaction.atomic():
        added = reader.add(reading, user, chosen)
    return count_lines(added), reading.kept_as_text


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_everything(request.user)
        logout(request)
        return redirect("exchange:goodbye")
    return render(request, "exchange/delete_account.html", {"form": form})


@require_GET
def goodbye(request):
    return render(request, "exchange/goodbye.html")
