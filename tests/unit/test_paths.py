"""Where listen keeps data and finds content."""

from pathlib import Path

from course import paths


def test_explicit_data_dir_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LISTEN_HOME", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"


def test_environment_wins_over_user_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("LISTEN_HOME", str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"


def test_user_dir_is_used_when_nothing_else_says(monkeypatch, tmp_path):
    monkeypatch.delenv("LISTEN_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "listen"


def test_tests_never_see_the_real_home(private_data_dir):
    assert paths.data_dir() == private_data_dir
    assert str(Path.home()) != "/root"


def test_bundled_course_is_found_from_the_checkout():
    root = paths.bundled_content_dir()
    assert (root / "lessons").is_dir() and (root / "exercises").is_dir()


def test_content_flag_and_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LISTEN_CONTENT", str(tmp_path / "env"))
    assert paths.content_dir() == tmp_path / "env"
    assert paths.content_dir(tmp_path / "flag") == tmp_path / "flag"
