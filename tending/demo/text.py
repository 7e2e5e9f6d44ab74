"""Fragments of demo journal entries, written for tending, that the composer puts together.

`{name}` is filled with a person from the circle (sometimes as an @mention), so a fragment
never puts anything straight after it that would stretch the name, such as 's.
"""

from __future__ import annotations


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def _pieces(text: str) -> list[str]:
    return text.split("|")


OPENINGS = {
    "good": _lines("""
        A good day, the kind I want to remember properly.
        Woke up before the alarm and actually felt rested.
        Something lifted today and I am not sure what.
        Light in the kitchen this morning, coffee, nowhere to be for an hour.
        I noticed I was humming while doing the dishes.
        Today felt roomy, like there was enough time for everything.
        It was one of those days where things just fit together.
        I laughed properly today, more than once.
        Slept well, walked a lot, ate real food. Simple, but it shows.
        The week is ending softer than it started.
        Today I felt like myself, which has not always been a given.
        Quietly proud of today.
    """),
    "plain": _lines("""
        An ordinary day, and ordinary is fine.
        Not much to report, but I said I would write a few lines.
        Busy day, mostly errands and emails.
        The day went by without much shape to it.
        Rain most of the afternoon. Stayed in and read.
        Tired, but the ordinary kind of tired.
        A slow start, then a lot at once.
        Just a few lines before bed.
        Nothing dramatic today, which I am learning to appreciate.
        Caught up on laundry, replied to messages, went to bed early-ish.
        Some good bits, some flat bits.
        Writing this on the bus home.
    """),
    "hard": _lines("""
        Heavy day. Writing anyway, because it helps a little.
        I could not get going this morning at all.
        Everything felt loud today.
        Woke up at four with my mind racing and never quite got back to sleep.
        Low again. I keep waiting for it to pass.
        A day where even small things felt like a lot.
        I cancelled plans today and then felt bad about cancelling.
        Not a good day. I want to be honest about that here, at least.
        The fog was back today.
        Cried in the car park, then went in anyway.
        I felt far away from everyone today, even in a full room.
        Hard to find words tonight, so just a few.
    """),
}
SEASONS = {
    "winter": _lines("""
        Dark by half four. I keep forgetting how much that takes out of me.
        Frost on the windows this morning, and the radiator clanking.
        Soup weather. Made a big pot to last the week.
        The short days make everything feel further away.
        A bright cold walk at lunch did more than I expected.
    """),
    "spring": _lines("""
        The blossom on our street has come out all at once.
        First evening this year without a coat.
        Birds are loud at six again. I do not even mind.
        Opened all the windows and let the flat air out.
        Everything is suddenly green, as if overnight.
    """),
    "summer": _lines("""
        Too warm to sleep well, but the long light makes up for it.
        Ate outside for the first time this year.
        The evenings go on forever in the best way.
        Walked home the long way because it was still light at ten.
        Sunburn on one arm from sitting by the window on the train.
    """),
    "autumn": _lines("""
        The leaves on the path are starting to turn.
        First morning cold enough to see my breath.
        Something about September always feels like a fresh start.
        Wind and rain all day, so blankets and tea.
        The light goes gold in the late afternoon now.
    """),
}
AWAY = _lines("""
    Writing from the train, watching fields go by.
    Away for a few days. Different bed, different light, same me.
    The sea was grey and wild today, and I loved it.
    Holiday brain: I forgot what day it was twice.
    Long walk along the coast path, legs aching in a good way.
    Staying somewhere with no mobile signal, which turns out to be a gift.
    New town, small café, an hour with my notebook.
    Travelling always shakes things loose in me.
""")
WITH_PERSON = {
    "partner": _lines("""
        {name} made tea without asking and sat with me for a while.
        Long talk with {name} after dinner about where we want to be in five years.
        {name} noticed I was quiet and did not push, just stayed close.
        Cooked with {name} tonight. We burnt the onions and laughed about it.
        Told {name} the thing I had been holding in all week. It went better than I feared.
        {name} and I walked to the river and back without needing to talk much.
        A small argument with {name} this morning, and a proper making-up tonight.
        {name} read aloud to me while I fell asleep.
    """),
    "home": _lines("""
        Phoned {name} and we talked for an hour about nothing and everything.
        {name} came round with a bag of plums from the garden.
        Sunday lunch with {name}, everyone talking over each other as usual.
        {name} asked how I was really doing, and I told the truth for once.
        Helped {name} move some furniture, then stayed for dinner.
        {name} sent old photos from when we were small. I laughed at my haircut.
        Long call with {name}. We are more alike than either of us admits.
        Visited {name} and we went through the old boxes in the loft together.
    """),
    "friends": _lines("""
        Coffee with {name} turned into three hours, as it always does.
        {name} remembered the thing I was worried about and asked how it went.
        Walked with {name} around the lake. We talked about work, then about everything else.
        {name} made me laugh so hard I had to sit down.
        Told {name} how the last weeks have really been. They just listened.
        Dinner at {name}, with too much food and a good playlist.
        {name} sent a voice message that was exactly what I needed to hear.
        Went climbing with {name}. I was rubbish and it did not matter at all.
    """),
    "work": _lines("""
        Lunch with {name}, away from our desks for once.
        {name} asked how I was, and meant it.
        Walked around the block with {name} after a long meeting.
        {name} backed me up in the meeting today. I did not expect it and it meant a lot.
        Good conversation with {name} about what I actually want from work.
        {name} brought cake in for no reason at all.
    """),
    "support": _lines("""
        At group tonight {name} said exactly what I have been feeling for weeks.
        Shared a bit more than usual at group. {name} caught my eye and nodded.
        Talked with {name} after the meeting, on the steps outside.
        {name} texted to check in. It is good to be known by people who get it.
        {name} reminded me how far I have come since last year.
    """),
    "community": _lines("""
        Volunteered with {name} this morning. Side by side work is its own kind of closeness.
        Chatted with {name} after rehearsal, both of us hoarse.
        Ran into {name} at the market and ended up talking for half an hour.
        {name} showed me how they keep the seedlings alive. I am taking notes.
        Helped {name} set up the hall for Saturday.
    """),
    "professional": _lines("""
        Session with {name} today. Hard, but a good kind of hard.
        {name} said something in our session that I keep turning over.
        Appointment with {name}. Left feeling lighter than when I arrived.
        Short visit with {name}, kind and unhurried.
        {name} helped me see the pattern I keep falling into.
    """),
    "other": _lines("""
        Chatted with {name} over the fence for a while.
        {name} dropped off a parcel and stayed for a cup of tea.
        Bumped into {name} on the stairs and we finally had a proper talk.
    """),
}
REFLECTIONS = {
    "good": _lines("""
        I want to remember that days like this are possible.
        It is easier to be kind to myself when I have slept.
        I notice I am reaching out more, and people are reaching back.
        Small things really do add up.
        I felt *seen* today, and it changes everything a little.
        Gratitude comes more easily when I slow down enough to notice.
        Maybe I do not need to earn rest. Maybe I can just have it.
        I am starting to trust that good stretches can last.
        Being around people who know me well makes me braver.
        I said yes to something new and it was fine, better than fine.
        There is more room in me than there was a year ago.
        I was present today instead of three steps ahead.
        It felt good to be useful to someone.
        Note to future me: this is what it feels like when things are okay.
    """),
    "plain": _lines("""
        I keep wondering what I actually need more of right now.
        Some days the best I can do is show up, and that counts.
        I want to call people more and text less.
        Trying to notice when I say I am fine and mean something else.
        I think I need more mornings without my phone.
        Not every day needs to mean something.
        I could reach out to someone I have not seen in a while.
        I am learning that rest is not the same as doing nothing.
        Routine helps, even when it feels boring.
        I would like to be more honest about small things, not only big ones.
        Maybe the point is just to keep paying attention.
        Next week I want to plan one thing that is only for me.
        Writing this down makes the day feel finished.
        I notice I feel better on days when I have been outside.
    """),
    "hard": _lines("""
        I know from before that this passes, even if I cannot feel it yet.
        I want to pull away from everyone, which is usually the sign I should not.
        It helps to write it down instead of letting it go round and round.
        I am trying to be as gentle with myself as I would be with a friend.
        Being tired makes everything look worse than it is. Probably.
        I do not have to fix everything tonight.
        I should tell someone how this week has really been.
        Small steps: shower, food, one message to someone who cares.
        I keep comparing myself to last year and that does not help.
        I *did* get through today, which is not nothing.
        Looking at my safety plan again, just to have it close.
        Asking for help still feels hard, even with people I trust.
        Maybe tomorrow will be a little lighter.
        I am allowed to have a bad day without it meaning anything about me.
    """),
}
LIST_INTROS = _lines("""
    Three small good things from today:
    Things that helped:
    What I am grateful for tonight:
    Small wins, because they count:
    Things I want to remember:
    What I can do tomorrow:
""")
SMALL_THINGS = _lines("""
    a warm shower after the cold walk
    the first coffee, drunk slowly
    a message from an old friend out of nowhere
    finishing the book I started months ago
    soup that tasted like childhood
    the cat asleep on my feet
    the bus arriving just as I got there
    sunlight on the kitchen table
    a good song on the radio at the right moment
    clean sheets
    saying no to something and not feeling guilty
    ten minutes of stretching
    someone holding a door and smiling
    a long phone call
    fresh bread from the corner bakery
    a walk without headphones
    remembering to drink water
    an early night
    a plant I thought was dead putting out a new leaf
    laughing at a silly video together
    answering the email I had been avoiding
    the smell of rain on the pavement
    being asked how I was, and answering honestly
    a quiet hour with nothing to do
    getting outside before lunch
    cooking something new and it working
    a hug that lasted a bit longer than usual
    making a plan with someone for next week
    asking for help, and getting it
    not checking my phone first thing
""")
CLOSINGS = {
    "good": _lines("""
        More days like this, please.
        Going to bed content.
        Holding on to this one.
        Grateful. That is all.
        Good night, today.
    """),
    "plain": _lines("""
        That is enough for today.
        Bed now.
        Tomorrow is another go.
        Early night, I think.
        Okay. Enough writing.
    """),
    "hard": _lines("""
        Going to be gentle with myself tonight.
        Bed, and hoping tomorrow is kinder.
        One day at a time. Tonight that is all I have.
        I will message someone tomorrow, I promise myself.
        Rest now.
    """),
}
# First lines for an entry answering a prompt, by the prompt's theme.
PROMPT_OPENERS = {
    "knowing-myself": _lines("""
        I think the honest answer is that I am still finding out.
        When I sit with this question, the first thing that comes up is my childhood kitchen.
        I feel most like me when I am making something with my hands.
        I had to think about this one for a while.
    """),
    "being-known": _lines("""
        There are maybe three people who really know me, and I am lucky to have them.
        I let people see the tidy version of me far too often.
        The last time I felt truly known was in a long conversation that ran late.
        I find it easier to listen than to be listened to.
    """),
    "feeling-safe": _lines("""
        Safe, for me, is a particular kind of quiet.
        I feel safest when I do not have to explain myself.
        My body knows before I do when I am not safe: shoulders up, jaw tight.
        Safety used to be a place. Now it is more often a person.
    """),
    "mirrors": _lines("""
        People sometimes tell me I am calm. It rarely feels that way from inside.
        Someone once said I make people feel welcome, and I keep coming back to it.
        What others see in me is sometimes kinder than what I see.
        I was surprised that they described me as brave.
    """),
    "growing": _lines("""
        A year ago I would not have been able to write this.
        The thing I am working on is letting people help me.
        Growth has been slower than I hoped, and more real.
        I am trying one new thing a month, however small.
    """),
    "gratitude": _lines("""
        Easy one tonight: the people who stayed.
        I am grateful for more than I usually let myself notice.
        Today it is the small, ordinary kindnesses.
        I want to thank someone properly, not just in passing.
    """),
    "repair": _lines("""
        We did not get it right at first, and that is okay.
        I went back and apologised, and it mattered more than I expected.
        Repair feels awkward every time, and it works every time.
        I am learning that a disagreement is not the end of anything.
    """),
}
TITLES = {
    "good": _pieces(
        "A good one|Lighter|Sunday, slowly|Enough|The long walk|Laughing again|"
        "Something shifted|Kitchen light|Small joys|Not alone"
    ),
    "plain": _pieces(
        "Ordinary Tuesday|Notes before bed|Rain day|In between|Lists and errands|A few lines|"
        "Still here|Mid-week|Bus thoughts|Catching up"
    ),
    "hard": _pieces(
        "Heavy|Fog|A hard one|Getting through|Too much|Four in the morning|Low tide|"
        "Not okay, and that is okay|Reaching out|Holding on"
    ),
}
# Plain happenings that can go into any day, so long entries are about a life, not only moods.
HAPPENINGS = _lines("""
    Fixed the puncture on my bike myself, which felt like a small triumph.
    Finally booked the dentist after putting it off for months.
    Repotted the basil. It looks happier already.
    Work was mostly meetings, and one good idea near the end.
    Went for a swim before breakfast. Cold, then wonderful.
    Cleared out the hall cupboard and found letters from years ago.
    Made a proper dinner instead of eating toast standing up.
    Spent the afternoon at the library, reading nothing in particular.
    Tried the new bakery. The cardamom buns are a danger to me.
    Long bath with the radio on.
    Sorted out the bills I had been avoiding. It took twenty minutes.
    Watched an old film I used to love. It still holds up.
    Walked to the market and back instead of taking the bus.
    Did the stretches the physio gave me, for once.
    Started knitting again after years. My hands remembered more than I did.
    Cooked a double batch and froze half for a harder day.
    Sat in the park at lunch and watched the dogs.
    The neighbours had a party and I did not mind the noise.
    Wrote a letter by hand. It took ages and felt lovely.
    Mended the hem on my favourite coat.
    Spent the evening sorting photos on my laptop.
    Went to bed at ten with a book and no screen.
    Got caught in the rain without an umbrella and laughed about it.
    Baked bread. It came out flat but tasted good.
    A colleague left, and the goodbye was warmer than I expected.
    Planted bulbs in the window box for next spring.
""")
DRAFT_TITLE = "Thinking about the weekend"
DRAFT_BODY = (
    "I want to write about the weekend properly before it fades. "
    "The walk, the long talk at the kitchen table, and how"
)
