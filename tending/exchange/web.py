"""Settings → Your data: its forms, the capped upload, and the words its pages show."""

from __future__ import annotations

import io

from django import forms
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tending.core.plain_messages import PlainMessages

# Far beyond ten years of a full life as tending's JSON (about 15 MB), and small enough
# to read in memory: the file is checked in full before anything is kept.
LARGEST_UPLOAD = 64 * 1024 * 1024


def too_large_message() -> str:
    return _(
        "This file is larger than %(megabytes)d MB, more than tending takes here. "
        "Nothing was read. For a bigger file use the terminal: tending import FILE."
    ) % {"megabytes": LARGEST_UPLOAD // 2**20}


SHOWN_ITEMS = 300  # items listed to choose from; the rest follow the usual choice
TENDING = "tending"


def source_choices() -> list[tuple[str, str]]:
    """tending's own JSON first, then every other tool tending reads."""
    from tending.exchange.foreign import SOURCES, source

    return [(TENDING, _("tending's own export (JSON)"))] + [
        (name, _(source(name).LABEL)) for name in sorted(SOURCES)
    ]


def _file_help() -> str:
    return _(
        "At most %(megabytes)d MB. It is checked and shown to you before anything is added."
    ) % {"megabytes": LARGEST_UPLOAD // 2**20}


class ImportForm(PlainMessages, forms.Form):
    file = forms.FileField(label=gettext_lazy("File"), help_text=lazy(_file_help, str)())
    source = forms.ChoiceField(label=gettext_lazy("What is it?"), choices=())

    def __init__(self, *args, too_large: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = source_choices()
        self.too_large = too_large

    def full_clean(self) -> None:
        super().full_clean()
        if self.too_large:  # the file was dropped, so it reads as missing: say why instead
            self.errors["file"] = self.error_class([too_large_message()])
            self.cleaned_data.pop("file", None)


class DeleteAccountForm(PlainMessages, forms.Form):
    typed = forms.CharField(
        label=gettext_lazy("Type your user name to confirm"),
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_typed(self) -> str:
        typed = self.cleaned_data["typed"]
        if typed != self.user.get_username():
            raise forms.ValidationError(
                _(
                    "That is not your user name. Type %(name)s exactly, to show this is what "
                    "you want."
                )
                % {"name": self.user.get_username()}
            )
        return typed

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class CappedUploadHandler(FileUploadHandler):
    """Keeps an upload in memory (never a temporary file on disk) and stops at the cap.

    Django writes larger uploads to the system's temporary folder, where the words of a
    journal would outlive the import; here the file stays in memory, and one larger than
    LARGEST_UPLOAD is dropped, with `too_large` set for the form to say so.
    """

    def __init__(self, request=None, largest: int | None = None) -> None:
        super().__init__(request)
        self.largest = LARGEST_UPLOAD if largest is None else largest
        self.too_large = False

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.parts: list[bytes] = []

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.received += len(raw_data)
        if self.received > self.largest:
            self.too_large = True
            self.parts = []
            raise SkipFile()
        self.parts.append(raw_data)

    def file_complete(self, file_size: int):
        data = b"".join(self.parts)
        self.parts = []
        return InMemoryUploadedFile(
            io.BytesIO(data),
            self.field_name,
            self.file_name,
            self.content_type,
            len(data),
            self.charset,
            self.content_type_extra,
        )


def plural(kind: str, count: int) -> str:
    """ "1 person", "2 people", "3 journal entries", "4 check-ins"."""
    if count == 1:
        return f"1 {kind}"
    if kind.endswith("person"):
        return f"{count} {kind.removesuffix('person')}people"
    if kind.endswith("y") and kind[-2:-1] not in set("aeiou"):
        return f"{count} {kind[:-1]}ies"
    if kind.endswith("s"):
        return f"{count} {kind}"
    return f"{count} {kind}s"


def counted(kind: str, count: int) -> str:
    """ "3 journal entries" in the page's language; a kind it has no words for, in English."""
    if kind == "journal entry":
        said = ngettext("%(count)d journal entry", "%(count)d journal entries", count)
    elif kind == "check-in":
        said = ngettext("%(count)d check-in", "%(count)d check-ins", count)
    elif kind == "person":
        said = ngettext("%(count)d person", "%(count)d people", count)
    elif kind == "moment":
        said = ngettext("%(count)d moment", "%(count)d moments", count)
    elif kind == "daily pulse":
        said = ngettext("%(count)d daily pulse", "%(count)d daily pulses", count)
    else:
        return plural(kind, count)
    return said % {"count": count}


def kind_labels() -> dict[str, str]:
    """How the preview names each kind of item it lists: "Journal entry: …"."""
    return {"journal entry": _("Journal entry"), "check-in": _("Check-in"), "person": _("Person")}


def count_lines(counts: dict[str, int]) -> list[str]:
    """One line per kind with something in it, in the order given."""
    return [counted(kind, count) for kind, count in counts.items() if count]
