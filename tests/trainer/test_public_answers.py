"""An answer to a public post carries the privacy check every public reply is judged on; bundles keep it."""

from __future__ import annotations

from course.content import load_course
from course.judging import criteria_of, judge
from course.paths import bundled_content_dir

COURSE = load_course(bundled_content_dir())
PUBLIC = next(e for e in COURSE.exercises.values() if e.is_text and e.channel == "social")
REPLY = ("I'm sorry the payments keep failing, that sounds really frustrating. Could you send us a private "
         "message with your account number so we can look into it right away?")


def test_the_judge_and_the_bundle_check_know_the_same_criteria():
    judged = {point.id for point in judge(PUBLIC, REPLY).counted}
    assert judged == set(criteria_of(PUBLIC))
    assert any(point_id.startswith("harm.") and "public" in point_id for point_id in judged)


def test_a_bundle_with_an_answer_to_a_public_post_is_reported_and_imported(listen, tmp_path):
    assert listen("--learner", "Ana", "answer", PUBLIC.id, stdin=REPLY).status == 0
    bundle = tmp_path / "ana.results.json"
    assert listen("--learner", "Ana", "export", "--out", str(bundle)).status == 0
    report = listen("report", str(bundle), "--format", "json")
    assert report.status == 0, report.err
    assert "does not have" not in report.err
    imported = listen("--learner", "Sam", "import", str(bundle))
    assert imported.status == 0, imported.err
