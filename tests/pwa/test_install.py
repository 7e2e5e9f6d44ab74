"""What a phone needs to install tending, and what it may keep: the manifest, the icons, the
service worker and the offline page, none of them holding anything of anyone's."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image

from tending.pwa import views
from tending.pwa.leaving import CLEAR_SITE_DATA

PAGES = Path(views.__file__).resolve().parent


def manifest(client, **headers) -> dict:
    response = client.get("/manifest.webmanifest", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return json.loads(response.content)


def test_the_manifest_says_what_installing_needs(client, db):
    found = manifest(client)
    assert found["name"] == found["short_name"] == "tending"
    assert found["start_url"] == "/today/" and found["scope"] == "/" and found["id"] == "/"
    assert found["display"] == "standalone"
    assert found["theme_color"] == found["background_color"] == "#faf7f2"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in found["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    assert [s["url"] for s in found["shortcuts"]] == ["/moments/quick/", "/help/"]


def test_each_icon_is_there_at_its_size(client, db):
    for icon in manifest(client)["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        if icon["type"] == "image/png":
            width, height = Image.open(path).size
            assert f"{width}x{height}" == icon["sizes"]
    # A maskable icon fills its square: no clear corner for a phone's mask to show.
    maskable = Image.open(finders.find("pwa/maskable-512.png")).convert("RGBA")
    assert maskable.getpixel((0, 0))[3] == 255 and maskable.getpixel((511, 511))[3] == 255
    touch = Image.open(finders.find("pwa/apple-touch-icon.png"))
    assert touch.size == (180, 180)


def test_the_manifest_speaks_the_page_language(client, db):
    german = manifest(client, HTTP_ACCEPT_LANGUAGE="de")
    assert german["lang"] == "de"
    assert german["shortcuts"][1]["name"] == "Hilfe jetzt"


def test_every_page_links_the_manifest_and_its_icons(owner_client):
    page = owner_client.get("/today/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon" href="/static/pwa/apple-touch-icon.png"' in page
    assert 'name="theme-color" content="#191b1d" media="(prefers-color-scheme: dark)"' in page
    assert 'src="/static/pwa/offline.js" data-worker="/sw.js" data-signed-in="yes"' in page


def test_the_favicon_is_where_browsers_look(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_the_service_worker_comes_from_the_root_with_its_places(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    head = dict(line.split(" = ", 1) for line in body.splitlines()[:2])
    places = json.loads(head["const PLACES"].rstrip(";"))
    assert places["offline"] == "/offline/" and places["help"] == "/help/"
    assert "/static/tending/tending.css" in places["shell"]
    for kept in places["shell"]:  # each file it keeps is served
        assert finders.find(kept.removeprefix("/static/")), kept
    assert (PAGES / "worker.js").read_text() in body


def test_a_new_worker_comes_with_a_new_version(client, db, monkeypatch):
    first = client.get("/sw.js").content.decode().splitlines()[0]
    monkeypatch.setattr(views, "_worker_source", lambda: "// changed\n")
    assert client.get("/sw.js").content.decode().splitlines()[0] != first


def test_the_offline_page_holds_nothing_private(owner, owner_client):
    body = owner_client.get("/offline/").content.decode()
    assert owner.username not in body
    assert "csrf" not in body.lower() and "hx-headers" not in body
    assert 'href="/help/"' in body and "112" in body
    anonymous = Client().get("/offline/").content.decode()
    assert anonymous == body  # the same for everyone: nothing of the account in it


def test_logging_out_clears_what_the_device_kept(owner_client):
    response = owner_client.post("/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == CLEAR_SITE_DATA == '"cache", "storage"'


def test_a_logout_that_did_not_happen_clears_nothing(owner_client):
    assert "Clear-Site-Data" not in owner_client.get("/logout/")
