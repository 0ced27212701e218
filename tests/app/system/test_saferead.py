"""Reading foreign files: regular files only, never blocking, never past the cap."""

from __future__ import annotations

import os
import socket

import pytest

from app.system import saferead
from app.system.saferead import FileRefused, read_regular


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 3000)
    assert read_regular(path, 3000) == b"x" * 3000


def test_a_link_to_a_regular_file_is_followed(tmp_path):
    (tmp_path / "real.json").write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert read_regular(tmp_path / "link.json", 100) == b"{}"


def test_a_named_pipe_is_refused_at_once_without_a_writer(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="named pipe"):
        read_regular(fifo, 1000)  # the old read blocked here for ever


def test_a_link_to_a_pipe_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.json").symlink_to(tmp_path / "pipe")
    with pytest.raises(FileRefused, match="named pipe"):
        read_regular(tmp_path / "link.json", 1000)


def test_a_link_to_dev_zero_is_refused_not_read_until_memory_runs_out(tmp_path):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileRefused, match="device"):
        read_regular(link, 1000)


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(FileRefused, match="socket"):
            read_regular(path, 1000)
    finally:
        server.close()


def test_a_sparse_gigabyte_is_refused_by_its_size_before_any_read(tmp_path):
    huge = tmp_path / "huge.json"
    huge.touch()
    os.truncate(huge, 1024**3)  # sparse: a gigabyte that takes no room on disk
    with pytest.raises(FileRefused) as refused:
        read_regular(huge, 64 * saferead.MEBIBYTE)
    assert refused.value.reason == "it is larger than 64 MB"


def test_a_file_one_byte_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileRefused, match="larger than"):
        read_regular(path, 100)


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def grown_after_the_check(fd):
        info = real_fstat(fd)
        path.write_bytes(b"x" * 500)  # the curator saves a bigger file meanwhile
        return info

    monkeypatch.setattr(saferead.os, "fstat", grown_after_the_check)
    with pytest.raises(FileRefused, match="larger than"):
        read_regular(path, 100)


@pytest.mark.parametrize(
    ("make", "flag", "words"),
    [
        (lambda p: None, "missing", "does not exist"),
        (lambda p: p.mkdir(), "folder", "is a folder"),
        (lambda p: p.symlink_to(p.parent / "nowhere"), "missing", "does not exist"),
    ],
    ids=["missing", "folder", "dangling-link"],
)
def test_what_is_not_there_says_so(tmp_path, make, flag, words):
    path = tmp_path / "x.json"
    make(path)
    with pytest.raises(FileRefused, match=words) as refused:
        read_regular(path, 100)
    assert getattr(refused.value, flag)


def test_an_error_of_the_system_gives_its_reason(tmp_path, monkeypatch):
    path = tmp_path / "secret.json"
    path.write_bytes(b"{}")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(saferead.os, "open", denied)
    with pytest.raises(FileRefused) as refused:
        read_regular(path, 100)
    assert (
        refused.value.reason == "permission denied"
    )  # in the interface language (app.system.oserrors)
