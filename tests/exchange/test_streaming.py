"""A writer's bytes handed on in pieces as they are written, never gathered whole."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from tending.exchange.streaming import pieces


def test_pieces_come_as_they_are_written_and_join_to_the_whole():
    written: list[int] = []

    def write(out):
        for n in range(10):
            out.write(bytes([n]) * 25)
            written.append(n)

    stream = pieces(write, piece=100)
    first = next(stream)
    assert first == bytes([0]) * 25 + bytes([1]) * 25 + bytes([2]) * 25 + bytes([3]) * 25
    assert written == [0, 1, 2]  # the fourth write is still under way: nothing read ahead
    rest = list(stream)
    assert [len(p) for p in rest] == [100, 50]
    assert first + b"".join(rest) == b"".join(bytes([n]) * 25 for n in range(10))


def test_one_big_write_is_cut_into_pieces():
    said = []
    got = [len(p) for p in pieces(lambda out: said.append(out.write(b"x" * 250)), piece=100)]
    assert got == [100, 100, 50]
    assert said == [250]  # every byte taken, as a stream says


def test_nothing_written_gives_nothing():
    assert list(pieces(lambda out: None)) == []


def test_a_failing_writer_fails_the_download():
    def write(out):
        out.write(b"a" * 10)
        raise RuntimeError("the disk is on fire")

    with pytest.raises(RuntimeError, match="on fire"):
        list(pieces(write, piece=4))


def test_an_abandoned_download_unwinds_the_writer():
    unwound = []

    def write(out):
        try:
            for _ in range(100):
                out.write(b"y" * 10)
        finally:
            unwound.append(True)

    stream = pieces(write, piece=10)
    assert next(stream) == b"y" * 10
    stream.close()
    assert unwound == [True]


@pytest.mark.django_db(transaction=True)
def test_the_writer_works_on_the_requests_own_connection_and_transaction():
    seen = []

    def write(out):
        with transaction.atomic():
            seen.append(connection.in_atomic_block)
            out.write(b"z" * 20)
            seen.append(connection.in_atomic_block)

    stream = pieces(write, piece=10)
    next(stream)
    assert connection.in_atomic_block  # the writer's transaction is open while it streams
    stream.close()
    assert not connection.in_atomic_block  # and ends when the download is abandoned
    assert seen == [True]


def test_counts_are_said_in_plain_words():
    from tending.exchange.web import count_lines, plural

    assert plural("person", 1) == "1 person"
    assert plural("person", 2) == "2 people"
    assert plural("person", 0) == "0 people"
    assert plural("journal entry", 3) == "3 journal entries"
    assert plural("check-in", 4) == "4 check-ins"
    assert plural("day", 2) == "2 days"
    assert plural("kept text", 2) == "2 kept texts"
    assert plural("glass", 2) == "2 glass"
    assert count_lines({"person": 2, "journal entry": 0, "check-in": 1}) == [
        "2 people",
        "1 check-in",
    ]


def test_a_text_writer_can_write_through_it_as_the_json_export_does():
    import io

    def write(out):
        assert out.writable() is True
        text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
        text.write("héron " * 10)
        text.flush()
        text.detach()

    assert b"".join(pieces(write, piece=7)) == ("héron " * 10).encode()


def test_pieces_are_64_kib_unless_asked():
    got = [len(p) for p in pieces(lambda out: out.write(b"x" * 100_000))]
    assert got == [65536, 100_000 - 65536]


def test_an_upload_is_counted_to_the_byte():
    from django.core.files.uploadhandler import SkipFile

    from tending.exchange.web import CappedUploadHandler

    def send(size: int, parts: int = 1) -> CappedUploadHandler:
        handler = CappedUploadHandler(None, largest=10)
        handler.new_file("file", "notes.json", "application/json", size)
        step = -(-size // parts)
        for start in range(0, size, step):
            handler.receive_data_chunk(b"x" * min(step, size - start), start)
        return handler

    handler = send(10, parts=3)
    kept = handler.file_complete(10)
    assert kept.read() == b"x" * 10 and kept.size == 10 and not handler.too_large
    with pytest.raises(SkipFile):
        send(11, parts=2)
    handler = CappedUploadHandler(None, largest=10)
    handler.new_file("file", "a.json", "application/json", 11)
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"x" * 11, 0)
    assert handler.too_large and handler.parts == []
    # A second file starts its count afresh.
    handler.new_file("file", "b.json", "application/json", 5)
    handler.receive_data_chunk(b"y" * 5, 0)
    assert handler.file_complete(5).read() == b"y" * 5
