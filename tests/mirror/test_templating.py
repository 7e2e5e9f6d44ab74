"""The word chips written in Python are the markup Django's widget and the choice_field
macro make, unchosen, chosen, and after a form came back with a note."""

import re

import pytest
from django.template import engines

from tending.mirror.forms import AnswerForm, RoundForm
from tending.mirror.templating import word_chips

MACRO = '{% from "core/forms.html" import choice_field %}{{ choice_field(form.words) }}'


def djangos_chips(form) -> str:
    html = engines["jinja"].from_string(MACRO).render({"form": form})
    return re.search(r'<div class="chips">\s*(.*?)\s*</div>', html, re.S).group(1)


@pytest.mark.parametrize(
    "data",
    [None, {"words": ["calm", "witty"]}, {"words": ["kind", "<b>", "kind"]}, {"words": []}],
)
@pytest.mark.parametrize("make", [lambda d: AnswerForm(d, name="Ada"), lambda d: RoundForm(d)])
def test_the_chips_are_djangos_own_markup(make, data):
    form = make(data)
    if data is not None:
        form.is_valid()
    assert str(word_chips(form["words"])) == djangos_chips(form)
    assert str(word_chips(form["words"])).count(" checked") == len(
        {w for w in (data or {}).get("words", []) if w in ("calm", "witty", "kind")}
    )
