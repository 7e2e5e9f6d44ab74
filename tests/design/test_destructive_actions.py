"""Destructive actions on every page: never in the row of the primary action, always asking first.

The walk reads each page's HTML as a tree (tests/routes.py gives every route, with a row of
each kind for its arguments). A destructive control is a link or button styled `.destructive`
(or its older name `.danger`). Its row is the nearest block around it that holds another
control; a `<form>` holding only the button is not a row. It asks first when it is a link (to
a page that asks), sits inside a `<details>` that opened the question, or is on a page whose
heading is the question ("Delete this moment?").
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.routes import OBJECT_ARGUMENTS, PUBLIC, ROUTES, url_kwargs

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
INLINE = {"span", "strong", "em", "b", "i", "bdi", "small", "label", "abbr"}
KINDS = {"secondary", "quiet", "link", "destructive", "danger"}
DESTRUCTIVE = {"destructive", "danger"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.pieces: list[Node | str] = []  # children and text, in the page's order

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text() for p in self.pieces)

    def words(self) -> str:
        return " ".join(self.text().split())


class Tree(HTMLParser):
    """A page as nodes, forgiving of the end tags HTML lets one leave out."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.here = Node("#root", {}, None)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.here)
        self.here.children.append(node)
        self.here.pieces.append(node)
        if tag not in VOID:
            self.here = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.here)
        self.here.children.append(node)
        self.here.pieces.append(node)

    def handle_endtag(self, tag):
        node = self.here
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.here = node.parent

    def handle_data(self, data):
        self.here.pieces.append(data)


def is_control(node: Node) -> bool:
    if node.tag == "input":
        return node.attrs.get("type") != "hidden"
    return (
        node.tag in {"a", "button", "select", "textarea", "summary"} and "hidden" not in node.attrs
    )


def is_destructive(node: Node) -> bool:
    return node.tag in {"a", "button"} and bool(node.classes & DESTRUCTIVE)


def is_primary(node: Node) -> bool:
    """A button with no kind, or a link drawn as one: the page's main action."""
    if "hidden" in node.attrs or node.classes & KINDS:
        return False
    if node.tag == "button":
        return node.attrs.get("type", "submit") in {"submit", "button"}
    return node.tag == "a" and "button" in node.classes


def others(row: Node, control: Node) -> list[Node]:
    return [n for n in row.walk() if n is not control and is_control(n)]


def row_of(control: Node) -> Node:
    """The nearest block around the control that holds another control."""
    row = control.parent
    while row.parent is not None and (
        row.tag in INLINE or (row.tag == "form" and not others(row, control))
    ):
        row = row.parent
    return row


def asks_first(control: Node, page_heading: str) -> bool:
    if control.tag == "a":
        return control.attrs.get("href", "#") not in {"", "#"}
    node = control.parent
    while node is not None:
        if node.tag == "details":
            return True
        node = node.parent
    return page_heading.rstrip().endswith("?")


def problems_on(name: str, html: str) -> tuple[list[str], list[str]]:
    """(destructive controls beside a primary one, destructive buttons that ask nothing)."""
    root = Tree(html).root
    headings = [n for n in root.walk() if n.tag == "h1"]
    heading = headings[0].words() if headings else ""
    beside, unasked = [], []
    for node in root.walk():
        if not is_destructive(node):
            continue
        label = f"{name}: “{node.words()}”"
        if any(is_primary(n) for n in others(row_of(node), node)):
            beside.append(label)
        if not asks_first(node, heading):
            unasked.append(label)
    return beside, unasked


def every_page(owner) -> list[tuple[str, str]]:
    """(route name, HTML) of every page that answers a GET with HTML, as its user sees it."""
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    member, anyone = Client(), Client()
    member.force_login(owner)
    pages = []
    for name, args in ROUTES:
        objects = {arg: every_kind[arg] for arg in args if arg in OBJECT_ARGUMENTS}
        kwargs = {arg: "not-a-real-secret" for arg in args}
        kwargs.update(url_kwargs(args, objects))
        client = anyone if name in PUBLIC else member
        response = client.get(reverse(name, kwargs=kwargs))
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            pages.append((name, response.content.decode()))
    return pages


def test_no_destructive_action_sits_beside_a_primary_one_and_each_asks_first(owner):
    pages = every_page(owner)
    assert len(pages) > 30, "the walk should meet the app's pages"
    seen, beside, unasked = 0, [], []
    for name, html in pages:
        near, acting = problems_on(name, html)
        seen += html.count("destructive") + html.count("danger")
        beside += near
        unasked += acting
    assert seen > 5, "the walk should meet destructive actions"
    assert not beside, "beside the primary action:\n" + "\n".join(beside)
    assert not unasked, "acting without asking:\n" + "\n".join(unasked)


@pytest.mark.parametrize(
    ("html", "beside", "unasked"),
    [
        # Beside the primary action in a row of actions, a form around each button or not.
        (
            '<h1>A</h1><div class="actions"><button>Save</button>'
            '<a class="button destructive" href="/d/">Delete…</a></div>',
            1,
            0,
        ),
        (
            '<h1>A</h1><div class="actions"><form><button>Save</button></form>'
            '<form><button class="danger">Switch off</button></form></div>',
            1,
            1,
        ),
        # Apart, under More: a link to a page that asks.
        (
            '<h1>A</h1><p class="actions"><button>Save</button></p><details><summary>More</summary>'
            '<p><a class="button destructive" href="/d/">Delete…</a></p></details>',
            0,
            0,
        ),
        # The confirmation page: the question is the heading, "Keep it" is secondary.
        (
            '<h1>Delete this?</h1><form class="actions"><button class="destructive">Delete</button>'
            '<a class="button secondary" href="/">Keep it</a></form>',
            0,
            0,
        ),
        # The question may hold a name: the heading is read in the page's order.
        (
            '<h1>Delete <bdi>Sam</bdi>?</h1><form class="actions">'
            '<button class="danger">Delete <bdi>Sam</bdi></button></form>',
            0,
            0,
        ),
        # A question opened in place.
        (
            '<h1>Plan</h1><details class="confirm"><summary>Remove…</summary><form>'
            '<button class="destructive small">Remove it</button></form></details>',
            0,
            0,
        ),
        # A secondary or quiet button beside it is not the primary action.
        (
            '<h1>A</h1><div class="actions"><a class="button secondary" href="/e/">Edit</a>'
            '<button class="quiet">Skip</button>'
            '<a class="button danger" href="/d/">Delete…</a></div>',
            0,
            0,
        ),
    ],
)
def test_the_rules_read_rows_as_a_person_sees_them(html, beside, unasked):
    near, acting = problems_on("page", html)
    assert (len(near), len(acting)) == (beside, unasked)
