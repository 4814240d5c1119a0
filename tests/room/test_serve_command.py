"""listen serve refuses an address it cannot listen on in one line, and says how learners get in."""

from __future__ import annotations

import errno
import socket

import pytest

import course.room as room


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    assert "Traceback" not in text
    return lines[0]


def test_a_port_in_use_is_one_line_and_exit_2(listen) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        outcome = listen("serve", "--port", str(port))
    assert outcome.status == 2
    line = one_line(outcome.err)
    assert f"port {port} on 127.0.0.1 is already in use" in line and f"--port {port + 1}" in line


def test_an_address_not_of_this_machine_is_one_line_and_exit_2(listen) -> None:
    outcome = listen("serve", "--host", "192.0.2.7")  # a documentation address, never a local one
    assert outcome.status == 2
    assert "192.0.2.7 is not an address of this machine" in one_line(outcome.err)


def test_no_permission_for_the_port_is_one_line_and_exit_2(listen, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: socket.socket, address: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(socket.socket, "bind", refuse)
    outcome = listen("serve", "--port", "80")
    assert outcome.status == 2
    assert "no permission to listen on port 80" in one_line(outcome.err)


def test_the_machine_failing_otherwise_is_one_line_and_exit_1(listen, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: socket.socket, address: object) -> None:
        raise OSError(errno.ENOBUFS, "No buffer space available")

    monkeypatch.setattr(socket.socket, "bind", fail)
    outcome = listen("serve")
    assert outcome.status == 1
    assert "cannot listen on 127.0.0.1:8000: No buffer space available" in one_line(outcome.err)


@pytest.mark.parametrize("port", ["0", "65536", "eighty"])
def test_a_port_out_of_range_is_a_usage_error(listen, port: str) -> None:
    outcome = listen("serve", "--port", port)
    assert outcome.status == 2 and "--port" in outcome.err and "Traceback" not in outcome.err


def test_the_hint_on_this_machine_only_says_how_to_let_the_network_in() -> None:
    assert room.lan_hint("127.0.0.1", 8000) == (
        "Only this machine can open it; for learners on your network: listen serve --host 0.0.0.0 --port 8000"
    )


def test_the_hint_for_every_network_names_this_machines_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(room, "lan_address", lambda: "192.168.1.20")
    assert room.lan_hint("0.0.0.0", 8080) == "Learners on your network open http://192.168.1.20:8080"
    monkeypatch.setattr(room, "lan_address", lambda: None)
    assert room.lan_hint("0.0.0.0", 8080) == "Learners on your network open this machine's address, port 8080"


def test_the_hint_for_a_named_address_is_that_address() -> None:
    assert room.lan_hint("10.0.0.5", 9000) == "Learners on your network open http://10.0.0.5:9000"


def test_a_learners_listen_uses_the_rooms_store_and_course(tmp_path) -> None:
    command = room.seat_command(tmp_path / "data dir", tmp_path / "course")
    assert command.endswith("room-seat")
    assert f"--data-dir '{tmp_path / 'data dir'}'" in command and f"--content {tmp_path / 'course'}" in command
