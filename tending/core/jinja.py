"""The Jinja2 template environment every page renders with.

Jinja2 compiles a template to Python once, so a page costs microseconds per line where
Django's template language costs tens (docs/performance.md has the figures). The few filters
the pages need that Jinja2 lacks, or spells differently, come from Django itself, so dates and
numbers read exactly as before. A part adds its own in `tending/<part>/templating.py`, as
`FILTERS` and `GLOBALS` dictionaries, and they are found here by name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from importlib.util import find_spec

import jinja2
from django.apps import apps
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template import defaultfilters
from django.template.backends.jinja2 import Jinja2, Template
from django.templatetags.static import static
from django.test.signals import template_rendered
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from tending.core.date_format import format_date, local_format, quick_format
from tending.core.phone import dial
from tending.core.text import cut
from tending.core.words import and_list

# A number no row will have, to find where a route's integer arguments go in its address.
_HOLE = 7306051849
_shapes: dict[tuple, list[str]] = {}
_answers: dict[tuple, str] = {}
ANSWERS_KEPT = 500
# The URL configuration and script prefix of the page being drawn, read once per page: each
# read of Django's own is a context-local lookup, and a page asks for forty addresses.
_drawing = threading.local()


def url(name: str, *args, **kwargs) -> str:
    """`{% url %}`: the address of a named route.

    Resolving a route costs about 0.1 ms, a lot on a list of fifty rows, so the address of a
    route with no arguments or with whole numbers is worked out once and then filled in, and
    one with words (a check-in's name) is kept as reverse() gave it, for the few hundred most
    recently asked for."""
    where = getattr(_drawing, "where", None) or (get_urlconf(), get_script_prefix())
    if kwargs or (args and not all(type(arg) is int for arg in args)):
        return _exact(where, name, args, kwargs)
    shape = _shapes.get((where, name, len(args)))
    if shape is None:  # made, and kept, under the configuration in force this moment
        key = ((get_urlconf(), get_script_prefix()), name, len(args))
        shape = _shapes[key] = reverse(name, args=[_HOLE] * len(args)).split(str(_HOLE))
    if not args:
        return shape[0]
    return "".join(part + str(arg) for part, arg in zip(shape[:-1], args, strict=True)) + shape[-1]


def _exact(where: tuple, name: str, args: tuple, kwargs: dict) -> str:
    """reverse()'s own answer for these very arguments, kept when they are words and numbers."""
    if not all(type(value) in (int, str) for value in (*args, *kwargs.values())):
        return reverse(name, args=args or None, kwargs=kwargs or None)
    asked = (name, args, tuple(sorted(kwargs.items())))
    found = _answers.get((where, *asked))
    if found is None:
        found = reverse(name, args=args or None, kwargs=kwargs or None)
        if len(_answers) >= ANSWERS_KEPT:
            _answers.clear()
        _answers[((get_urlconf(), get_script_prefix()), *asked)] = found
    return found


def addresses(name: str) -> Callable[[int], str]:
    """For a route taking one whole number, a quick way to write many of its addresses:
    `addresses("moments:detail")(7)` is `url("moments:detail", 7)`."""
    before, after = url(name, _HOLE).split(str(_HOLE))
    return lambda number: f"{before}{number}{after}"


@receiver(setting_changed)
def _forget_shapes(setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":  # tests and the benchmark swap the URL configuration
        _shapes.clear()
        _answers.clear()
    if setting in ("STATIC_URL", "STORAGES", "STATIC_ROOT", "FORCE_SCRIPT_NAME"):
        _static_urls.clear()


_static_urls: dict[tuple[str, str], str] = {}
STATIC_URLS_KEPT = 500  # the static files pages name: a few dozen


def static_url(path: str) -> str:
    """`static()`, each file's address worked out once for each URL prefix the site is
    served under: the storage joins (and, when hosted, looks up the hashed name) the same
    way every time, on every page, for every file."""
    key = (get_script_prefix(), path)
    found = _static_urls.get(key)
    if found is None:
        found = static(path)
        if len(_static_urls) < STATIC_URLS_KEPT:
            _static_urls[key] = found
    return found


def now(format_string: str) -> str:
    """`{% now %}`: the current local time, formatted as Django's date filter would."""
    return format_date(timezone.localtime(), format_string)


def date(value, format_string: str | None = None) -> str:
    """Django's `date` filter, in the person's own time zone as Django's templates show it.

    Django's template language moves an aware time into the current time zone before any
    filter sees it; Jinja2 does not, so it is done here. An empty value prints nothing.
    """
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if format_string:
        format_string = local_format(format_string)
    written = quick_format(value, format_string) if format_string else None
    return defaultfilters.date(value, format_string) if written is None else written


def truncatechars(value, length) -> str:
    """Django's truncatechars filter, cut the quicker way (tending.core.text)."""
    try:
        length = int(length)
    except ValueError:
        return value
    cut_short = cut(str(value), length)
    return mark_safe(cut_short) if isinstance(value, SafeData) else cut_short


def linebreaksbr(value, autoescape: bool = True) -> str:
    return defaultfilters.linebreaksbr(value, autoescape=autoescape)


FILTERS = {
    "date": date,
    "dial": dial,
    "floatformat": defaultfilters.floatformat,
    "linebreaksbr": linebreaksbr,
    "pluralize": defaultfilters.pluralize,
    "truncatechars": truncatechars,
    "urlencode": defaultfilters.urlencode,
}


def text_direction() -> str:
    """`dir` for the page's language: "rtl" for Arabic, Hebrew, Persian and the like."""
    return "rtl" if translation.get_language_bidi() else "ltr"


def and_list_html(items) -> SafeData:
    """and_list for a page: "A, B and C" where each item is markup already made (a link, a
    name in <bdi>) or plain words, which are escaped."""
    return mark_safe(and_list([str(conditional_escape(item)) for item in items]))


GLOBALS = {
    "and_list": and_list_html,
    "url": url,
    "static": static_url,
    "now": now,
    "language_code": translation.get_language,
    "text_direction": text_direction,
}


def _parts():
    """Each tending part's `templating` module, when it has one."""
    for config in apps.get_app_configs():
        name = f"{config.name}.templating"
        if config.name.startswith("tending.") and find_spec(name) is not None:
            yield import_module(name)


class _Environment(jinja2.Environment):
    def make_globals(self, d):
        """A template's globals as one plain dict rather than Jinja's ChainMap over the
        environment's. Each `{% from … import … %}` takes the imported template's globals'
        keys from the importing one's; with a ChainMap that was done key by key in Python,
        some forty lookups an import, a tenth of a millisecond for a form page. Every global
        is set in `environment()` before any template is loaded, so none is missed."""
        return {**self.globals, **(d or {})}


def environment(**options) -> jinja2.Environment:
    # Leaving a name out of the context is a mistake to see in the tests, not an empty string.
    options["undefined"] = jinja2.StrictUndefined
    options.setdefault("keep_trailing_newline", True)
    # Words to translate: `{{ _("…") }}` and `{% trans %}…{% endtrans %}`, looked up in
    # Django's catalogues in the page's language (tending/core/languages.py). New-style:
    # placeholders are `%(name)s`, filled and escaped by Jinja, so a literal % is written %%.
    options["extensions"] = [*options.get("extensions", ()), "jinja2.ext.i18n"]
    env = _Environment(**options)
    env.install_gettext_callables(
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    for part in _parts():
        env.filters.update(getattr(part, "FILTERS", {}))
        env.globals.update(getattr(part, "GLOBALS", {}))
    return env


class _OneToken:
    """The request's CSRF token, masked once per page however many forms print it.

    Django's Jinja2 backend masks a new token each time one is printed; a page with twenty
    small forms paid for twenty. Nothing is made until a form asks, as before.
    """

    def __init__(self, request):
        self._request = request
        self._value: str | None = None

    def __str__(self) -> str:
        if self._value is None:
            self._value = get_token(self._request)
        return self._value

    __html__ = __str__

    @property
    def input(self) -> _Input:
        return _Input(self)


class _Input:
    def __init__(self, token: _OneToken):
        self._token = token

    def __html__(self) -> str:
        return f'<input type="hidden" name="csrfmiddlewaretoken" value="{self._token}">'

    __str__ = __html__


class _Template(Template):
    """Django's Jinja2 template, telling the test client what it rendered, as Django's do."""

    def __init__(self, template, backend):
        super().__init__(template, backend)
        self.name = template.name

    def render(self, context=None, request=None):
        context = {} if context is None else context
        if request is not None:
            context["request"] = request
            token = _OneToken(request)
            context["csrf_input"] = token.input
            context["csrf_token"] = token
            for processor in self.backend.template_context_processors:
                context.update(processor(request))
        if template_rendered.receivers:  # only the test client listens
            template_rendered.send(sender=self, template=self, context=context)
        outer = getattr(_drawing, "where", None)
        _drawing.where = (get_urlconf(), get_script_prefix())
        try:
            return self.template.render(context)
        finally:
            _drawing.where = outer


class Backend(Jinja2):
    def get_template(self, template_name):
        found = super().get_template(template_name)
        return _Template(found.template, self)
