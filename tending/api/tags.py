"""Tags: the words moments and journal entries are found by, listed, made, renamed, deleted."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from tending.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    FormInvalid,
    PageQuery,
    Shown,
    bound_form,
    check_if_match,
    etag_of,
    one_page,
    valid_or_422,
    with_etag,
)
from tending.core.models import Tag
from tending.core.ownership import get_owned_or_404, one_or_404, owned
from tending.core.plain_messages import PlainMessages
from tending.core.reads import column, read_together, table
from tending.core.tags import MAX_TAG_LENGTH, parse_tag_names, validate_tag_names

router = Router(tags=["tags"])

# Room for spaces and a leading # around a name of MAX_TAG_LENGTH, which are tidied away.
LONGEST_TYPED = 200


class TagOut(Shown):
    DERIVED: ClassVar[frozenset[str]] = frozenset({"moment_count", "journal_entry_count"})

    id: int
    name: str
    moment_count: int = Field(description="How many of your moments carry it.")
    journal_entry_count: int = Field(description="How many of your journal entries carry it.")


class TagPage(Shown):
    items: list[TagOut]
    next: str | None


class TagIn(Schema):
    name: str = Field(
        description=f"One tag: trimmed and lower-cased as on the web, at most "
        f"{MAX_TAG_LENGTH} characters, no comma (a comma separates tags)."
    )


class TagForm(PlainMessages, forms.ModelForm):
    """A tag's name, held to the rules the moment and journal forms use for their tags."""

    name = forms.CharField(
        max_length=LONGEST_TYPED,
        error_messages={"required": "Please give the tag a name."},
    )

    class Meta:
        model = Tag
        fields = ["name"]

    def clean_name(self) -> str:
        names = parse_tag_names(self.cleaned_data["name"])
        if not names:
            raise forms.ValidationError("Please give the tag a name.", code="required")
        if len(names) > 1:
            raise forms.ValidationError(
                "One tag at a time, please: a comma separates one tag from the next.",
                code="invalid",
            )
        validate_tag_names(names)
        name = names[0]
        others = owned(Tag, self.instance.owner).exclude(pk=self.instance.pk)
        if others.filter(name=name).exists():
            raise forms.ValidationError(taken(name), code="unique")
        return name


def tag_id_named(user, name: str) -> int:
    """The id of the caller's tag of this name, tidied as tags are kept ("#Walk " is "walk");
    0, an id no tag has, when there is none, so a filter form says so in its own words."""
    names = parse_tag_names(name)
    if len(names) != 1 or "\x00" in names[0]:  # no tag can hold a NUL (PostgreSQL refuses it)
        return 0
    found = owned(Tag, user).filter(name=names[0]).values_list("pk", flat=True).first()
    return found or 0


def taken(name: str) -> str:
    return f"You already have a tag “{name}”."


def _uses_sql(relation: str) -> str:
    """(tag id, kind, how many rows of `relation` carry it), counted in the links' own (tag)
    index for the tags asked for."""
    links = Tag._meta.get_field(relation).through
    tag = column(links, "tag")
    return (
        f"SELECT {tag}, '{relation}', COUNT(*) FROM {table(links)}"
        f" WHERE {tag} IN ({{marks}}) GROUP BY {tag}"
    )


def uses(tag_ids: list[int]) -> dict[int, dict[str, int]]:
    """How many moments and journal entries carry each tag: one written-out query (as
    annotations, the counts cost a list more to build than to run)."""
    found: dict[int, dict[str, int]] = {pk: {} for pk in tag_ids}
    if not tag_ids:
        return found
    sql = f"{_uses_sql('moments')} UNION ALL {_uses_sql('journal_entries')}"
    marks = ", ".join(["%s"] * len(tag_ids))
    (rows,) = read_together([(sql.format(marks=marks), [*tag_ids, *tag_ids])])
    for tag_id, relation, count in rows:
        found[tag_id][relation] = count
    return found


def show(tag: Tag, counts: dict[str, int] | None = None) -> TagOut:
    counts = counts or {}
    return TagOut(
        id=tag.pk,
        name=tag.name,
        moment_count=counts.get("moments", 0),
        journal_entry_count=counts.get("journal_entries", 0),
    )


def _shown(tag: Tag) -> TagOut:
    return show(tag, uses([tag.pk])[tag.pk])


def _save(form: TagForm) -> Tag:
    """Save the tag; a name taken at the same moment by another request is the same 422."""
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        problem = {"loc": ["body", "name"], "msg": taken(form.cleaned_data["name"])}
        raise FormInvalid([{**problem, "type": "unique"}]) from None


@router.get("/tags", response={200: TagPage, **READ_ERRORS})
def list_tags(request: HttpRequest, filters: Query[PageQuery]):
    """Your tags by name, each with how many moments and journal entries carry it."""
    tags = owned(Tag, request.user)
    rows, after = one_page(tags, ("name", "id"), filters.cursor, filters.limit)
    counts = uses([tag.pk for tag in rows])
    return {"items": [show(tag, counts[tag.pk]) for tag in rows], "next": after}


@router.post("/tags", response={201: TagOut, **WRITE_ERRORS})
def add_tag(request: HttpRequest, response: HttpResponse, body: TagIn):
    form = bound_form(TagForm, body.model_dump(), partial=False, instance=Tag(owner=request.user))
    tag = _save(valid_or_422(form))
    return Status(201, with_etag(response, show(tag)))


@router.get("/tags/{tag_id}", response={200: TagOut, **READ_ERRORS})
def get_tag(request: HttpRequest, response: HttpResponse, tag_id: int):
    tag = get_owned_or_404(Tag, request.user, pk=tag_id)
    return with_etag(response, _shown(tag))


@router.patch("/tags/{tag_id}", response={200: TagOut, **WRITE_ERRORS})
def rename_tag(request: HttpRequest, response: HttpResponse, tag_id: int, body: TagIn):
    """Rename a tag: every moment and journal entry carrying it shows the new name."""
    with transaction.atomic():
        tag = one_or_404(owned(Tag, request.user).select_for_update(), pk=tag_id)
        check_if_match(request, etag_of(show(tag)))
        form = bound_form(TagForm, body.model_dump(), partial=True, instance=tag)
        _save(valid_or_422(form))
        shown = _shown(tag)
    return with_etag(response, shown)


@router.delete("/tags/{tag_id}", response={204: None, **WRITE_ERRORS})
def remove_tag(request: HttpRequest, tag_id: int):
    """Delete a tag: it comes off every moment and journal entry; they stay as they were."""
    with transaction.atomic():
        tag = one_or_404(owned(Tag, request.user).select_for_update(), pk=tag_id)
        check_if_match(request, etag_of(show(tag)))
        tag.delete()
    return Status(204, None)
