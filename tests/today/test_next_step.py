"""Today's one next step: the pulse, then someone to reach, then a prompt, then a moment."""

from __future__ import annotations

import pytest

from tending.today.next_step import MOMENT, PROMPT, PULSE, REACH, next_step


@pytest.mark.parametrize("suggested", [True, False])
@pytest.mark.parametrize("has_people", [True, False])
@pytest.mark.parametrize("has_prompt", [True, False])
def test_the_pulse_leads_whenever_it_is_due(suggested, has_people, has_prompt):
    assert next_step(True, suggested, has_people, has_prompt) == PULSE


@pytest.mark.parametrize("has_prompt", [True, False])
def test_then_the_person_tending_suggests(has_prompt):
    assert next_step(False, True, True, has_prompt) == REACH


@pytest.mark.parametrize("has_prompt", [True, False])
def test_with_nobody_yet_adding_someone_leads(has_prompt):
    assert next_step(False, False, False, has_prompt) == REACH


def test_with_everyone_in_rhythm_a_prompt_leads():
    assert next_step(False, False, True, True) == PROMPT


def test_with_nothing_else_a_moment_leads():
    assert next_step(False, False, True, False) == MOMENT


def test_the_steps_are_told_apart():
    assert len({PULSE, REACH, PROMPT, MOMENT}) == 4
