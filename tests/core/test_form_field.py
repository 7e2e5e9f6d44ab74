"""core/forms.html's `field`: label, widget, hint and problems, wired for screen readers."""

from django import forms
from django.template import engines

from tending.core.plain_messages import PlainMessages


class Example(PlainMessages, forms.Form):
    name = forms.CharField(label="Name & nickname", help_text="As <b>you</b> call them.")
    safe = forms.BooleanField(label="A safe person", required=False)
    count = forms.IntegerField(label="How many", required=False, max_value=3)


def drawn(bound) -> str:
    template = engines.all()[0].from_string(
        '{% from "core/forms.html" import field %}{{ field(f) }}'
    )
    return template.render({"f": bound})


def test_a_field_with_its_label_widget_and_hint():
    html = drawn(Example()["name"])
    assert html == (
        '\n<div class="field">\n  \n    <label for="id_name">Name &amp; nickname</label>\n'
        '    <input type="text" name="name" required aria-describedby="id_name_helptext"'
        ' id="id_name">\n  \n  <p class="hint" id="id_name_helptext">As &lt;b&gt;you&lt;/b&gt;'
        " call them.</p>\n  \n</div>"
    )


def test_a_box_comes_before_its_label():
    html = drawn(Example()["safe"])
    assert html == (
        '\n<div class="field checkbox">\n  \n    <input type="checkbox" name="safe" id="id_safe">'
        ' <label for="id_safe">A safe person</label>\n  \n  \n  \n</div>'
    )


def test_problems_are_said_next_to_the_field():
    form = Example({"name": "", "count": "9", "safe": "on"})
    assert not form.is_valid()
    name = drawn(form["name"])
    assert name.startswith('\n<div class="field has-error">')
    assert '<div class="error" id="id_name_error"><p>Please fill this in.</p></div>' in name
    assert 'aria-invalid="true"' in name
    count = drawn(form["count"])
    assert count.startswith('\n<div class="field has-error">')
    assert '<div class="error" id="id_count_error"><p>' in count and "3" in count
    safe = drawn(form["safe"])
    assert safe.startswith('\n<div class="field checkbox">') and "error" not in safe
    assert 'id="id_safe" checked>' in safe
