"""Files waiting between an import's preview and its confirmation: private, own, short-lived."""

from __future__ import annotations

import os
import stat
import time

import pytest

from tending.exchange import uploads


def test_a_kept_file_is_private_and_found_only_in_its_own_account(tmp_path):
    kept = uploads.keep(tmp_path, 7, "tending", b"hello")
    assert kept.path.parent == tmp_path / "uploads" / "7"
    assert stat.S_IMODE(kept.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.path.parent.stat().st_mode) == 0o700
    assert kept.read() == b"hello" and kept.pk == kept.token and kept.still_there()
    assert uploads.TOKEN.fullmatch(kept.token) and len(kept.token) == 32  # 24 random bytes
    assert kept.path.name == f"{kept.token}.tending"
    assert uploads.find(tmp_path, 7, kept.token) == kept
    assert uploads.find(tmp_path, 8, kept.token) is None  # another account's folder
    assert uploads.find(tmp_path, 8, kept.token[:-1] + "x") is None


def test_tokens_are_random_and_never_reused(tmp_path):
    tokens = {uploads.keep(tmp_path, 1, "fake", b"").token for _ in range(20)}
    assert len(tokens) == 20


@pytest.mark.parametrize(
    "token", ["", "short", "a" * 41, "../" * 10, "a" * 24 + "/x", "a" * 24 + "."]
)
def test_a_malformed_token_finds_nothing(tmp_path, token):
    uploads.keep(tmp_path, 1, "tending", b"x")
    assert uploads.find(tmp_path, 1, token) is None


def test_nothing_is_found_for_an_account_without_a_folder(tmp_path):
    assert uploads.find(tmp_path, 3, "a" * 32) is None


def test_a_strange_source_name_is_refused(tmp_path):
    for source in ("", "Upper", "has.dot", "../up", "9lives"):
        with pytest.raises(ValueError):
            uploads.keep(tmp_path, 1, source, b"x")
    assert uploads.keep(tmp_path, 1, "day_one2", b"x").source == "day_one2"


def test_a_file_with_another_ending_or_a_folder_is_not_an_upload(tmp_path):
    kept = uploads.keep(tmp_path, 1, "tending", b"x")
    folder = kept.path.parent
    token = kept.token
    kept.path.rename(folder / token)  # no source in the name
    assert uploads.find(tmp_path, 1, token) is None
    (folder / token).rename(folder / f"{token}.Bad")
    assert uploads.find(tmp_path, 1, token) is None
    (folder / f"{token}.Bad").unlink()
    (folder / f"{token}.tending").mkdir()
    assert uploads.find(tmp_path, 1, token) is None


@pytest.mark.parametrize("size", [1, 1_200_000, (1 << 20) + 1])
def test_removing_overwrites_every_byte_then_unlinks(tmp_path, monkeypatch, size):
    kept = uploads.keep(tmp_path, 1, "tending", b"s" * size)
    seen = []
    real_unlink = type(kept.path).unlink

    def look_then_unlink(path, *args, **kwargs):
        seen.append(path.read_bytes())
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(type(kept.path), "unlink", look_then_unlink)
    uploads.remove(kept.path)
    assert seen == [bytes(size)]
    assert not kept.path.exists()
    uploads.remove(kept.path)  # already gone: fine


def stale(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_files_older_than_an_hour_are_swept_in_every_account(tmp_path):
    old = uploads.keep(tmp_path, 1, "tending", b"a")
    young = uploads.keep(tmp_path, 2, "tending", b"b")
    stale(old.path, uploads.KEEP_SECONDS + 1)
    stale(young.path, uploads.KEEP_SECONDS - 60)
    (uploads.root(tmp_path) / "stray").write_bytes(b"")  # not a folder: left alone
    assert uploads.sweep(tmp_path) == 1
    assert not old.path.exists() and young.path.exists()
    assert uploads.sweep(tmp_path, now=time.time() + 120) == 1
    assert not young.path.exists()


def test_an_hour_is_an_hour(tmp_path):
    kept = uploads.keep(tmp_path, 1, "tending", b"a")
    made = kept.path.stat().st_mtime
    assert uploads.sweep(tmp_path, now=made + 3600) == 0
    assert uploads.sweep(tmp_path, now=made + 3601) == 1


def test_sweeping_nothing_is_fine(tmp_path):
    assert uploads.sweep(tmp_path) == 0


def test_a_stale_file_is_not_found_and_goes(tmp_path):
    kept = uploads.keep(tmp_path, 1, "tending", b"a")
    stale(kept.path, uploads.KEEP_SECONDS + 1)
    assert uploads.find(tmp_path, 1, kept.token) is None
    assert not kept.path.exists()


def test_keeping_a_file_sweeps_old_ones(tmp_path):
    old = uploads.keep(tmp_path, 1, "tending", b"a")
    stale(old.path, uploads.KEEP_SECONDS + 1)
    uploads.keep(tmp_path, 2, "tending", b"b")
    assert not old.path.exists()


def test_forgetting_an_account_removes_its_folder_and_no_other(tmp_path):
    mine = [uploads.keep(tmp_path, 1, "tending", b"a") for _ in range(2)]
    theirs = uploads.keep(tmp_path, 2, "tending", b"b")
    uploads.forget_account(tmp_path, 1)
    assert not uploads.folder(tmp_path, 1).exists()
    assert not any(kept.path.exists() for kept in mine) and theirs.path.exists()
    uploads.forget_account(tmp_path, 1)  # nothing left: fine


def test_an_upload_that_is_gone_says_so(tmp_path):
    kept = uploads.keep(tmp_path, 1, "tending", b"a")
    kept.path.unlink()
    assert not kept.still_there()
    assert uploads._stale(kept.path, time.time()) is False
