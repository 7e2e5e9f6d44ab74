"""The Mirror: feedback rounds in which trusted people pick words for the person, shown as a
Johari window (see shared SCIENCE "Feedback: the Johari window")."""
