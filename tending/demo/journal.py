"""Years of demo journal entries, linked to the circle, some answering prompts from the library."""

from __future__ import annotations

import datetime
import random
import re
from collections import deque
from dataclasses import dataclass

from tending.circle.models import Kind, Person
from tending.core.models import Tag
from tending.demo import text
from tending.demo.circle import Plan
from tending.demo.life import Life
from tending.journal.mentions import mentioned_people
from tending.journal.models import Entry, HiddenPrompt, JournalDraft
from tending.journal.offering import RECENT_DAYS
from tending.journal.prompts import Prompt, choose_prompt, library

TAG_NAMES = [
    "family", "friends", "gratitude", "hard day", "reflection", "rest", "sleep", "therapy",
    "travel", "walk", "work",
]  # fmt: skip
SIZES = {"short": 40, "medium": 45, "long": 15}
# Which fragments fit a person, by how they are related (partner and family differ at home).
VOICE = {
    Kind.PARTNER: "partner", Kind.FAMILY: "home", Kind.FRIEND: "friends", Kind.COLLEAGUE: "work",
    Kind.MENTOR: "work", Kind.PEER_SUPPORT: "support", Kind.COMMUNITY: "community",
    Kind.PROFESSIONAL: "professional", Kind.OTHER: "other",
}  # fmt: skip
# Tags that follow from who was written about.
PERSON_TAGS = {"home": "family", "friends": "friends", "work": "work", "professional": "therapy"}


@dataclass
class EntryDraft:
    entry: Entry
    people: list[Person]
    tag_names: list[str]


@dataclass
class JournalDraftSet:
    entries: list[EntryDraft]
    hidden_prompts: list[str]


def tone_of(level: float) -> str:
    return "hard" if level < -0.55 else "good" if level > 0.45 else "plain"


def _season(day: datetime.date) -> str:
    return ("winter", "spring", "summer", "autumn")[day.month % 12 // 3]


def _name(rng: random.Random, person: Person) -> str:
    first = person.name.split()[0]
    # Only people still in the circle are @mentioned: the app links a mention only to them.
    return f"@{first}" if not person.is_archived and rng.random() < 0.45 else first


class _Composer:
    """Puts an entry together from fragments, never using a sentence twice in one entry."""

    def __init__(self, rng: random.Random, tone: str):
        self.rng, self.tone, self.used = rng, tone, set()

    def pick(self, options: list[str]) -> str:
        fresh = [option for option in options if option not in self.used] or options
        choice = self.rng.choice(fresh)
        self.used.add(choice)
        return choice

    def thoughts(self, count: int) -> list[str]:
        pools = [text.REFLECTIONS[self.tone]] * 3 + [text.REFLECTIONS["plain"]]
        return [self.pick(self.rng.choice(pools)) for _ in range(count)]

    def small_things(self) -> str:
        intro = self.pick(text.LIST_INTROS)
        items = self.rng.sample(text.SMALL_THINGS, self.rng.randint(2, 5))
        return intro + "\n\n" + "\n".join(f"- {item}" for item in items)


def compose(
    rng: random.Random,
    tone: str,
    day: datetime.date,
    people: list[Person],
    prompt: Prompt | None,
    away: bool,
) -> tuple[str, str, list[str], list[Person]]:
    """Title, Markdown body, tag names and the people written about, for one day."""
    words = _Composer(rng, tone)
    size = rng.choices(list(SIZES), list(SIZES.values()))[0]
    tags: list[str] = []
    if prompt is not None:
        first = [words.pick(text.PROMPT_OPENERS[prompt.theme]), *words.thoughts(rng.randint(1, 2))]
        tags.append("reflection")
    else:
        first = [words.pick(text.AWAY if away else text.OPENINGS[tone])]
        if rng.random() < 0.3:
            first.append(words.pick(text.SEASONS[_season(day)]))
    paragraphs = [first]

    most = {"short": 1, "medium": 2, "long": 3}[size]
    written = rng.sample(people, min(len(people), most)) if rng.random() < 0.75 else []
    for person in written:
        voice = VOICE[person.kind]
        line = words.pick(text.WITH_PERSON[voice]).format(name=_name(rng, person))
        paragraphs.append([line, *words.thoughts(rng.randint(0, 1 if size == "short" else 2))])
        if voice in PERSON_TAGS and rng.random() < 0.5:
            tags.append(PERSON_TAGS[voice])

    if size == "short":
        sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
        if len(sentences) == 1 and rng.random() < 0.75:
            sentences += words.thoughts(rng.randint(1, 2))
        paragraphs = [sentences]
    else:
        extra = rng.randint(1, 2) if size == "medium" else rng.randint(4, 8)
        for _ in range(extra):
            paragraph = words.thoughts(rng.randint(1, 3) if size == "medium" else rng.randint(2, 3))
            if rng.random() < 0.5:
                paragraph.insert(0, words.pick(text.HAPPENINGS))
            paragraphs.append(paragraph)
    if rng.random() < 0.08:
        # Now and then one sentence in bold, the way people mark what matters to them.
        paragraph = rng.choice(paragraphs)
        at = rng.randrange(len(paragraph))
        paragraph[at] = f"**{paragraph[at]}**"
    lines = [" ".join(paragraph) for paragraph in paragraphs]
    if size != "short" and rng.random() < (0.25 if size == "medium" else 0.5):
        lines.insert(rng.randint(1, len(lines)), words.small_things())
        tags.append("gratitude")
    if size != "short" and rng.random() < 0.6:
        lines.append(words.pick(text.CLOSINGS[tone]))
    body = "\n\n".join(lines)

    if tone == "hard" and rng.random() < 0.6:
        tags.append("hard day")
    if away and rng.random() < 0.7:
        tags.append("travel")
    for word, tag in (("walk", "walk"), ("slept", "sleep"), ("sleep", "sleep"), ("rest", "rest")):
        if re.search(rf"\b{word}", body, re.IGNORECASE) and tag not in tags and rng.random() < 0.4:
            tags.append(tag)
    tags = list(dict.fromkeys(tags))[:3]
    title = words.pick(text.TITLES[tone]) if rng.random() < 0.35 else ""
    return title, body, tags, written


def draft_journal(
    user, rng: random.Random, life: Life, plans: list[Plan], seen: dict[int, list[Plan]]
) -> JournalDraftSet:
    """Roughly one entry every day or two, fewer while away, none while the app lay unused."""
    prompts = library()
    hidden = [prompt.id for prompt in rng.sample(prompts, 2)]
    active = [plan.person for plan in plans if not plan.person.is_archived]
    recent: deque[tuple[int, str]] = deque()
    drafts = []
    for day in life.days:
        away = day in life.away
        if day in life.lapsed:
            continue
        odds = 0.25 if away else 0.68 + (0.15 if life.is_hard(day) else 0.0)
        if rng.random() >= odds:
            continue
        while recent and recent[0][0] < day - RECENT_DAYS:
            recent.popleft()
        prompt = None
        if not away and rng.random() < 0.18:
            prompt = choose_prompt(
                prompts,
                recent_ids={prompt_id for _, prompt_id in recent},
                hidden_ids=hidden,
                seed=rng.getrandbits(32),
            )
            recent.append((day, prompt.id))
        date = datetime.date.fromordinal(day)
        people = [plan.person for plan in seen.get(day, [])]
        title, body, tags, written = compose(rng, tone_of(life.at(day)), date, people, prompt, away)
        entry = Entry(
            owner=user,
            written_on=date,
            title=title,
            body=body,
            prompt_id=prompt.id if prompt else "",
        )
        # Linked as the app links them: the people chosen, then everyone @mentioned.
        linked = list(written)
        for person in mentioned_people(f"{title}\n{body}", active):
            if person not in linked:
                linked.append(person)
        drafts.append(EntryDraft(entry, linked, tags))
    return JournalDraftSet(drafts, hidden)


def save_journal(user, journal: JournalDraftSet, tags: dict[str, Tag]) -> None:
    """Bulk inserts; on SQLite each row fills the full-text index through its insert trigger."""
    for draft in journal.entries:
        draft.entry.render_body()  # bulk_create does not call save(), which renders
    Entry.objects.bulk_create([d.entry for d in journal.entries], batch_size=500)
    PersonLink, TagLink = Entry.people.through, Entry.tags.through
    PersonLink.objects.bulk_create(
        [PersonLink(entry=d.entry, person=p) for d in journal.entries for p in d.people],
        batch_size=2000,
    )
    TagLink.objects.bulk_create(
        [TagLink(entry=d.entry, tag=tags[n]) for d in journal.entries for n in d.tag_names],
        batch_size=2000,
    )
    HiddenPrompt.objects.bulk_create(
        [HiddenPrompt(owner=user, prompt_id=prompt_id) for prompt_id in journal.hidden_prompts]
    )
    JournalDraft.objects.create(owner=user, title=text.DRAFT_TITLE, body=text.DRAFT_BODY)
