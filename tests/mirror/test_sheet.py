"""The answer sheet's file: self-contained, the person's words escaped, its data in it."""

import json
import re

from tending.mirror.sheet import POLICY, answer_sheet
from tending.mirror.words import WORDS

HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "q"'


def sheet(**changed) -> str:
    values = {
        "name": "Ada", "message": "Hello", "anonymous": True, "label": "Sam",
        "round_id": 5, "invitation_id": 9, "secret": bytes(range(32)), "until": "1 May 2027",
    }  # fmt: skip
    return answer_sheet(**(values | changed))


def test_nothing_is_loaded_from_anywhere():
    html = sheet()
    assert f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">' in html
    assert "default-src 'none'" in POLICY and "connect-src 'none'" in POLICY
    assert not re.search(r"\b(?:src|href)\s*=", html)  # no file, image, link or script to fetch
    assert "http://" not in html and "https://" not in html and "//" not in html.split("<style>")[0]
    assert html.count("<script") == 3 and "function sha256" in html


def test_the_persons_words_are_escaped_everywhere():
    html = sheet(name=HOSTILE, message=HOSTILE, label=HOSTILE, anonymous=False)
    assert "<img" not in html and "alert(1)</script>" not in html
    assert html.count("&lt;/script&gt;&lt;script&gt;alert(1)") >= 4  # title, heading, message…
    assert "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;q&quot;" in html


def test_its_data_sits_in_json_that_cannot_end_its_element():
    html = sheet(until=HOSTILE)
    found = re.search(r'<script type="application/json" id="sheet-data">(.*?)</script>', html)
    data = json.loads(found.group(1))
    assert data == {
        "secret": bytes(range(32)).hex(), "round": 5, "invitation": 9, "fewest": 5, "most": 6,
        "tooFew": "Please pick at least 5 words.", "tooMany": "Please pick no more than 6 words.",
    }  # fmt: skip
    assert "<" not in found.group(1) and ">" not in found.group(1)


def test_every_word_is_offered_by_its_place_in_the_list():
    boxes = re.findall(
        r'<input type="checkbox" name="word" value="(\d+)"> ([\w-]+)</label>', sheet()
    )
    assert [(int(at), word) for at, word in boxes] == list(enumerate(WORDS))


def test_who_will_see_the_answers_is_said_plainly():
    assert "without your name" in sheet(anonymous=True) and "“Sam”" not in sheet(anonymous=True)
    named = sheet(anonymous=False, label="Work friends")
    assert "with the name this sheet was made for: “Work friends”" in named
    assert "until 1 May 2027" in named and 'maxlength="2000"' in named
