"""Made-up names and short notes for the demo circle and its moments."""

from __future__ import annotations

from tending.circle.models import Kind

_FIRST_NAMES = """Amara Bilal Chen Dalia Emeka Farah Gabriel Hana Ibrahim Jonas Keiko Luca Maya Nia
Oskar Priya Quinn Rosa Samir Tamsin Uma Viktor Wen Yara Zoë Aiden Beatriz Cyrus Dev Elif Finn Grace
Hiro Ines Jamal Kalani Leila Mateo Nadia Omar Paloma Rafael Sofia Tomás Valentina William Ximena
Yusuf Zainab Ada Bruno Camila Dmitri Esther Felix Gita Hugo Ilse Joaquín Kwame Lena Marcus Noor
Olu Petra Ravi Saoirse Theo Ana Bea Carmen Dani Eitan Fatima Gus Ingrid Jun Kofi Lucía Mirela
Nikhil Orla Pedro Rin Sanna Tariq Vera Wiktor Ayesha Benedikt Chiara Diego Femi Hamid Imani"""
_SURNAMES = """Okafor Nguyen Haddad Lindqvist Moreno Kowalski Tanaka Mensah Rossi Patel O'Brien
Fischer Alvarez Nakamura Adeyemi Novak Hughes Karimi Silva Dubois Osei Larsen Costa Yilmaz Brennan
Schmidt Mwangi Park Castillo Ahmed Walsh Ivanova Mendes Kaur Berg Achebe"""
FIRST_NAMES, SURNAMES = _FIRST_NAMES.split(), _SURNAMES.split()

PERSON_NOTES = {
    Kind.PARTNER: ["Likes slow Sunday mornings.", "Allergic to cats, loves them anyway."],
    Kind.FAMILY: ["Calls on Sundays.", "Ask about the allotment.", "Hard year with their knee."],
    Kind.FRIEND: ["Met at the climbing gym.", "Knows about the hard winter.", "Book club."],
    Kind.COLLEAGUE: ["Sits by the window.", "Started the same month as me."],
    Kind.MENTOR: ["Former manager; generous with time.", "Met through the mentoring scheme."],
    Kind.PROFESSIONAL: ["Tuesdays, fortnightly.", "GP. Ask about the referral."],
    Kind.PEER_SUPPORT: ["From the Thursday group.", "Gets it without explaining."],
    Kind.COMMUNITY: ["Choir, alto section.", "Runs the food bank shift."],
    Kind.OTHER: ["Neighbour two doors down.", "Former landlord, still friendly."],
}
ARCHIVED_NOTES = ["Moved abroad; we lost touch.", "We grew apart after the job change.", ""]
# Notes per part of life, so a colleague never gets a note about Sunday lunch.
MOMENT_NOTES = {
    "home": "Walked by the river and talked about Dad.|Sunday lunch, everyone talking at once.|"
    "Cooked together; it felt easy.|Long talk on the sofa after dinner.|Looked through old photos.",
    "friends": "Coffee that turned into three hours.|Laughed until my face hurt.|"
    "They remembered the thing I was worried about.|Quick catch-up between errands.|"
    "Told them how the last weeks have really been.",
    "work": "Lunch away from our desks.|They asked how I was, and meant it.|"
    "Walk around the block after a long meeting.",
    "support": "Shared for the first time in the group.|Someone said exactly what I feel.",
    "community": "Volunteered side by side all morning.|Chatted after rehearsal.",
    "alone": "Hard session, but a good one.|Left feeling lighter.|Short and kind.",
}
