"""The reflection prompt library: the shipped file, its validation, and choosing a prompt."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.journal.prompts import (
    DEPTHS,
    THEMES,
    Prompt,
    PromptError,
    choose_prompt,
    get_prompt,
    library,
    load_prompts,
)

PROMPTS = library()
IDS = [prompt.id for prompt in PROMPTS]

# A small library, so random subsets often cover everything and the edge cases get hit.
SMALL = tuple(
    Prompt(id=f"p{n}", text=f"Prompt {n}?", theme=theme, depth=depth)
    for n, (theme, depth) in enumerate(
        [
            ("gratitude", "light"),
            ("gratitude", "deeper"),
            ("gratitude", "deepest"),
            ("repair", "light"),
            ("repair", "deeper"),
            ("growing", "light"),
            ("growing", "deepest"),
        ]
    )
)
SMALL_IDS = [prompt.id for prompt in SMALL]


# --- the shipped file ------------------------------------------------------------


def test_the_shipped_file_loads_and_is_the_library():
    loaded = load_prompts()
    assert loaded == PROMPTS
    assert all(isinstance(prompt, Prompt) for prompt in loaded)


def test_there_are_enough_prompts_in_every_theme_and_depth():
    assert len(PROMPTS) >= 70
    per_theme = Counter(prompt.theme for prompt in PROMPTS)
    assert set(per_theme) == set(THEMES)
    for theme in THEMES:
        assert per_theme[theme] >= 8, theme
        depths = {prompt.depth for prompt in PROMPTS if prompt.theme == theme}
        assert depths == set(DEPTHS), theme


def test_ids_are_unique():
    assert len(IDS) == len(set(IDS))


def test_texts_are_short_and_distinct():
    for prompt in PROMPTS:
        assert 0 < len(prompt.text) <= 160, prompt.id
    texts = [prompt.text.casefold() for prompt in PROMPTS]
    assert len(texts) == len(set(texts))


def test_themes_and_depths_are_in_the_documented_order():
    assert list(THEMES) == [
        "knowing-myself",
        "being-known",
        "feeling-safe",
        "mirrors",
        "growing",
        "gratitude",
        "repair",
    ]
    assert THEMES["mirrors"] == "What others mirror back"
    assert DEPTHS == ("light", "deeper", "deepest")


def test_get_prompt_and_theme_label():
    first = PROMPTS[0]
    assert get_prompt(first.id) is first
    assert get_prompt("no-such-prompt") is None
    assert first.theme_label == THEMES[first.theme]
    repair = next(prompt for prompt in PROMPTS if prompt.theme == "repair")
    assert repair.theme_label == "Repair after conflict"


# --- translations ----------------------------------------------------------------


def test_every_prompt_has_its_german_short_and_distinct():
    german = [prompt.text_in("de") for prompt in PROMPTS]
    for prompt, text in zip(PROMPTS, german, strict=True):
        assert dict(prompt.translations).keys() == {"de"}, prompt.id
        assert text != prompt.text and 0 < len(text) <= 160, prompt.id
        assert "Sie " not in text and "Ihr " not in text, prompt.id  # "du", never "Sie"
    assert len({text.casefold() for text in german}) == len(german)


def test_the_text_follows_the_language_in_use():
    prompt = get_prompt("km-most-me-today")
    assert prompt.text == "Which moment today felt most like you?"  # what is stored and exported
    with translation.override("de"):
        assert prompt.local_text == "In welchem Moment warst du heute am meisten du selbst?"
        assert prompt.theme_label == "Mich selbst kennen"
    with translation.override("en"):
        assert prompt.local_text == prompt.text
        assert prompt.theme_label == "Knowing myself"
    assert prompt.text_in("de-AT") == prompt.text_in("de") != prompt.text
    assert prompt.text_in("en") == prompt.text_in(None) == prompt.text


def test_a_language_without_a_translation_falls_back_to_english():
    prompt = Prompt(id="p", text="Hello?", theme="growing", depth="light")
    assert prompt.text_in("de") == "Hello?"
    with translation.override("de"):
        assert prompt.local_text == "Hello?"
    assert get_prompt("km-most-me-today").text_in("fr") == "Which moment today felt most like you?"


# --- validation ------------------------------------------------------------------

GOOD = """
[[prompt]]
id = "first-one"
theme = "gratitude"
depth = "light"
text = "What small kindness came your way?"
"""


def write(tmp_path: Path, second: str) -> Path:
    path = tmp_path / "custom-prompts.toml"
    path.write_text(GOOD + "\n[[prompt]]\n" + second, encoding="utf-8")
    return path


def entry(**fields: str) -> str:
    values = {
        "id": "second-one",
        "theme": "growing",
        "depth": "deeper",
        "text": "What did you try for the first time?",
    }
    values.update(fields)
    return "".join(f'{key} = "{value}"\n' for key, value in values.items())


def test_a_valid_custom_file_loads(tmp_path):
    prompts = load_prompts(write(tmp_path, entry()))
    assert [prompt.id for prompt in prompts] == ["first-one", "second-one"]
    assert prompts[1] == Prompt(
        id="second-one",
        text="What did you try for the first time?",
        theme="growing",
        depth="deeper",
    )


def assert_refused(path: Path, *fragments: str) -> None:
    with pytest.raises(PromptError) as caught:
        load_prompts(path)
    message = str(caught.value)
    assert "custom-prompts.toml" in message
    assert "prompt 2" in message
    for fragment in fragments:
        assert fragment in message, message


def test_a_duplicate_id_is_refused(tmp_path):
    assert_refused(write(tmp_path, entry(id="first-one")), "'first-one'", "duplicate id")


def test_an_unknown_theme_is_refused(tmp_path):
    assert_refused(write(tmp_path, entry(theme="hobbies")), "'second-one'", "unknown theme")


def test_an_unknown_depth_is_refused(tmp_path):
    assert_refused(write(tmp_path, entry(depth="bottomless")), "'second-one'", "unknown depth")


def test_an_empty_text_is_refused(tmp_path):
    assert_refused(write(tmp_path, entry(text="   ")), "'second-one'", "empty text")


def test_an_unknown_key_is_refused(tmp_path):
    path = write(tmp_path, entry() + 'mood = "calm"\n')
    assert_refused(path, "'second-one'", "unknown key", "'mood'")


def test_a_text_that_is_too_long_is_refused(tmp_path):
    assert_refused(write(tmp_path, entry(text="why " * 60)), "'second-one'", "at most 200")


def test_a_translation_is_read_and_held_to_the_same_rules(tmp_path):
    german = 'de.text = "Was hast du zum ersten Mal   ausprobiert?"\n'
    prompts = load_prompts(write(tmp_path, entry() + german))
    assert prompts[1].translations == (("de", "Was hast du zum ersten Mal ausprobiert?"),)
    assert prompts[0].translations == ()  # a prompt without German is shown in English
    assert prompts[0].text_in("de") == "What small kindness came your way?"
    refused = {
        'de.text = "   "\n': "empty text in de.text",
        f'de.text = "{"warum " * 40}"\n': "at most 200",
        "de.text = 3\n": "'de.text' must be a string",
        'de.title = "Hallo"\n': "unknown key(s) de.title",
        'de = "Hallo"\n': "unknown key",
        'xx.text = "Hallo"\n': "unknown key(s) 'xx'",
        'en.text = "Hello"\n': "unknown key(s) 'en'",
    }
    for line, fragment in refused.items():
        assert_refused(write(tmp_path, entry() + line), "'second-one'", fragment)
    assert_refused(
        write(tmp_path, entry() + "[prompt.de]\n"), "'second-one'", "missing key 'de.text'"
    )


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "custom-prompts.toml"
    path.write_text("[[prompt]\nid = ", encoding="utf-8")
    with pytest.raises(PromptError, match="custom-prompts.toml"):
        load_prompts(path)


# --- choosing --------------------------------------------------------------------


def test_choice_is_deterministic_for_a_seed():
    for seed in ["7:2026-03-01:0", "7:2026-03-01:1", 42]:
        first = choose_prompt(PROMPTS, seed=seed)
        assert first is not None
        assert all(choose_prompt(PROMPTS, seed=seed) == first for _ in range(5))
        # The order the prompts arrive in does not change the choice.
        assert choose_prompt(tuple(reversed(PROMPTS)), seed=seed) == first


def test_different_seeds_spread_over_many_prompts():
    seeds = [f"1:2026-01-{day:02d}:{n}" for day in range(1, 29) for n in range(8)]
    chosen = {choose_prompt(PROMPTS, seed=seed).id for seed in seeds}
    assert len(chosen) >= 40


def test_hidden_and_skipped_prompts_are_never_chosen():
    hidden = set(IDS[::3])
    skipped = set(IDS[1::3])
    for n in range(200):
        prompt = choose_prompt(PROMPTS, hidden_ids=hidden, skip_ids=skipped, seed=n)
        assert prompt is not None
        assert prompt.id not in hidden
        assert prompt.id not in skipped


def test_recent_prompts_are_avoided_while_others_remain():
    recent = set(IDS) - {IDS[5], IDS[17]}
    picks = {choose_prompt(PROMPTS, recent_ids=recent, seed=n).id for n in range(100)}
    assert picks == {IDS[5], IDS[17]}


def test_recent_prompts_come_back_when_everything_else_is_hidden_or_skipped():
    recent = {IDS[0], IDS[1]}
    hidden = set(IDS[2:-1])
    skipped = {IDS[-1]}
    picks = {
        choose_prompt(PROMPTS, recent_ids=recent, hidden_ids=hidden, skip_ids=skipped, seed=n).id
        for n in range(50)
    }
    assert picks == recent


def test_theme_and_depth_filters():
    for theme in THEMES:
        for depth in DEPTHS:
            for n in range(10):
                prompt = choose_prompt(PROMPTS, theme=theme, depth=depth, seed=n)
                assert (prompt.theme, prompt.depth) == (theme, depth)
    only_theme = {choose_prompt(PROMPTS, theme="repair", seed=n).depth for n in range(100)}
    assert only_theme == set(DEPTHS)
    with pytest.raises(ValueError):
        choose_prompt(PROMPTS, theme="hobbies")
    with pytest.raises(ValueError):
        choose_prompt(PROMPTS, depth="bottomless")


def test_none_when_nothing_is_left():
    assert choose_prompt(PROMPTS, hidden_ids=IDS) is None
    assert choose_prompt(PROMPTS, hidden_ids=IDS[:40], skip_ids=IDS[40:]) is None
    assert choose_prompt((), seed=3) is None
    assert choose_prompt(SMALL, theme="repair", depth="deepest") is None


@settings(max_examples=300, deadline=None)
@given(
    hidden=st.sets(st.sampled_from(SMALL_IDS)),
    recent=st.sets(st.sampled_from(SMALL_IDS)),
    skipped=st.sets(st.sampled_from(SMALL_IDS)),
    seed=st.one_of(st.integers(), st.text(max_size=20)),
)
def test_never_hidden_or_skipped_and_recent_only_as_a_last_resort(hidden, recent, skipped, seed):
    prompt = choose_prompt(SMALL, recent_ids=recent, hidden_ids=hidden, skip_ids=skipped, seed=seed)
    available = [p.id for p in SMALL if p.id not in hidden and p.id not in skipped]
    if not available:
        assert prompt is None
        return
    assert prompt is not None
    assert prompt.id not in hidden
    assert prompt.id not in skipped
    if prompt.id in recent:
        assert all(p in recent for p in available)
    else:
        assert prompt.id in available
