"""The cohort report as one HTML file a trainer can mail: inline CSS and SVG, no scripts, nothing fetched.

Every string that came from a bundle or the course is escaped; marks and
words carry the meaning, colour only helps (it prints in black and white).
"""

from __future__ import annotations

from html import escape

from course import __version__

from .cohort import CohortReport, ModuleRow
from .report_text import due_words, duration

__all__ = ["report_html"]

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d232a;margin:0;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d5dbe1;padding-bottom:4px}
.meta,.note{color:#55606b}.note{font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:14px}
th,td{padding:4px 10px;border-bottom:1px solid #e3e7eb;text-align:left;vertical-align:top}
th{background:#f3f5f7;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.passed{background:#e6f4ea}.started{background:#fff7e0}.new{color:#6b7680}.late{background:#fde8e8;font-weight:600}
.late-name{color:#b3261e;font-weight:600}small{display:block;font-size:12px;color:#55606b}
.late small{color:#b3261e}
.bar{display:inline-block;height:10px;background:#c0392b;vertical-align:middle;margin-right:6px}
svg{max-width:100%;height:auto;font-family:system-ui,Arial,sans-serif}
ul.warn{color:#8a4b00}
@media print{main{padding:0}h2{break-after:avoid}tr{break-inside:avoid}}
"""

_MARK = {"passed": "✓", "started": "●", "new": "○"}
_FILL = {"passed": "#2e7d32", "started": "#f0b429", "new": "#cfd6dc", "late": "#c62828"}


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _standing_chart(report: CohortReport) -> str:
    """Per module, how many learners passed, started, have not started, or are late: stacked bars."""
    rows = report.rows
    width, label, top, bar_h, gap = 720, 170, 28, 22, 10
    height = top + len(report.modules) * (bar_h + gap) + 10
    span = width - label - 20
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="Learners per module: passed, started, not started, late">']
    legend_x = label
    for key, word in (("passed", "passed"), ("started", "started"), ("new", "not started"), ("late", "late")):
        parts.append(f'<rect x="{legend_x}" y="6" width="12" height="12" fill="{_FILL[key]}"/>'
                     f'<text x="{legend_x + 16}" y="16" font-size="12">{word}</text>')
        legend_x += 110
    total = len(report.learners) or 1
    for number, (module_id, title) in enumerate(report.modules):
        y = top + number * (bar_h + gap)
        counts = {"passed": 0, "started": 0, "new": 0, "late": 0}
        for row in rows:
            if row.module_id == module_id:
                counts["late" if row.overdue else row.status] += 1
        parts.append(f'<text x="{label - 8}" y="{y + 16}" font-size="13" text-anchor="end">{escape(title)}</text>')
        x = float(label)
        for key in ("passed", "started", "new", "late"):
            if not counts[key]:
                continue
            w = span * counts[key] / total
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_FILL[key]}">'
                         f'<title>{escape(title)}: {counts[key]} {key}</title></rect>')
            if w > 24:
                colour = "#fff" if key in ("passed", "late") else "#1d232a"
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" font-size="12" text-anchor="middle" '
                             f'fill="{colour}">{counts[key]}</text>')
            x += w
    parts.append("</svg>")
    return "".join(parts)


def _skill_chart(report: CohortReport) -> str:
    """The cohort's share of criteria met per skill, as horizontal bars with the number written beside."""
    width, label, bar_h, gap = 720, 170, 24, 12
    height = len(report.skills) * (bar_h + gap) + 10
    span = width - label - 80
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="Share of criteria met per skill">']
    for number, skill in enumerate(report.skills):
        y = 5 + number * (bar_h + gap)
        parts.append(f'<text x="{label - 8}" y="{y + 17}" font-size="13" text-anchor="end">{escape(skill.name)}</text>')
        parts.append(f'<rect x="{label}" y="{y}" width="{span}" height="{bar_h}" fill="#eef1f4"/>')
        if skill.share is None:
            parts.append(f'<text x="{label + 8}" y="{y + 17}" font-size="12" fill="#55606b">no answers yet</text>')
            continue
        colour = "#2e7d32" if skill.share >= 0.75 else ("#f0b429" if skill.share >= 0.5 else "#c62828")
        parts.append(f'<rect x="{label}" y="{y}" width="{span * skill.share:.1f}" height="{bar_h}" fill="{colour}">'
                     f'<title>{escape(skill.name)}: {_pct(skill.share)} of criteria met</title></rect>')
        parts.append(f'<text x="{label + span + 8}" y="{y + 17}" font-size="13">{_pct(skill.share)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cell(row: ModuleRow) -> str:
    css = "late" if row.overdue else row.status
    text = f"{_MARK[row.status]} {_pct(row.score)}" if row.attempts else _MARK[row.status]
    words = due_words(row)
    extra = f"<small>{escape(words)}</small>" if words else ""
    return f'<td class="{css}">{text}{extra}</td>'


def _matrix(report: CohortReport) -> str:
    head = "".join(f"<th>{escape(title)}</th>" for _, title in report.modules)
    out = [f"<table><thead><tr><th>Learner</th>{head}<th>Attempts</th><th>Time</th></tr></thead><tbody>"]
    width = len(report.modules)
    for number, learner in enumerate(report.learners):
        cells = "".join(_cell(row) for row in report.rows[number * width:(number + 1) * width])
        name = (
            f'<span class="late-name">{escape(learner.learner)} (late)</span>'
            if learner.overdue
            else escape(learner.learner)
        )
        out.append(f'<tr><td>{name}</td>{cells}<td class="n">{learner.attempts}</td>'
                   f'<td class="n">{duration(learner.seconds)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _missed(report: CohortReport) -> str:
    out = []
    if report.missed_exercises:
        out.append("<h2>Exercises missed most often</h2><table><thead><tr><th>Exercise</th><th>Module</th>"
                   "<th>Not passed</th><th>Learners</th></tr></thead><tbody>")
        for item in report.missed_exercises:
            out.append(
                f"<tr><td>{escape(item.title)}</td><td>{escape(item.module_id)}</td>"
                f'<td><span class="bar" style="width:{round(item.rate * 80)}px"></span>'
                f'{item.missed} of {item.attempts} ({_pct(item.rate)})</td><td class="n">{item.learners}</td></tr>'
            )
        out.append("</tbody></table>")
    if report.missed_criteria:
        out.append("<h2>Rubric criteria missed most often</h2><table><thead><tr><th>Exercise</th><th>Criterion</th>"
                   "<th>Missed</th><th>What the course tells the learner</th></tr></thead><tbody>")
        for criterion in report.missed_criteria:
            out.append(f'<tr><td>{escape(criterion.exercise_title)}</td><td>{escape(criterion.criterion_id)}</td>'
                       f'<td><span class="bar" style="width:{round(criterion.rate * 80)}px"></span>'
                       f'{criterion.missed} of {criterion.judged} ({_pct(criterion.rate)})</td>'
                       f'<td>{escape(criterion.feedback)}</td></tr>')
        out.append("</tbody></table>")
    return "".join(out)


def _promises(report: CohortReport) -> str:
    """Promises learners made to customers in their answers, and what became of them."""
    if not report.promises:
        return ""
    out = ["<h2>Promises to customers</h2><p class=\"note\">A promise is a learner's own next step in an answer; "
           "the customer comes back a day later. Kept: done as said. Renegotiated: honestly changed, with a new "
           "step. Never followed up: a week past due with no follow-up.</p><table><thead><tr><th>Learner</th>"
           "<th>Made</th><th>Kept</th><th>Renegotiated</th><th>Waiting</th><th>Never followed up</th></tr>"
           "</thead><tbody>"]
    for row in report.promises:
        late = ' class="late"' if row.not_followed_up else ""
        out.append(f'<tr><td>{escape(row.learner)}</td><td class="n">{row.made}</td><td class="n">{row.kept}</td>'
                   f'<td class="n">{row.renegotiated}</td><td class="n">{row.waiting}</td>'
                   f'<td class="n"{late}>{row.not_followed_up}</td></tr>')
    out.append("</tbody></table>")
    if report.unkept_promises:
        out.append("<h2>Promises never followed up</h2><table><thead><tr><th>Learner</th><th>Customer</th>"
                   "<th>Made</th><th>What was promised</th></tr></thead><tbody>")
        for item in report.unkept_promises:
            out.append(f"<tr><td>{escape(item.learner)}</td><td>{escape(item.customer)}</td>"
                       f"<td>{escape(item.made[:10])}</td><td>“{escape(item.words)}”</td></tr>")
        out.append("</tbody></table>")
    return "".join(out)


def report_html(report: CohortReport) -> str:
    """The report as one self-contained HTML page."""
    late = [learner for learner in report.learners if learner.overdue]
    count = len(report.learners)
    body = [
        f"<h1>Cohort report</h1><p class=\"meta\">{count} learner{'s' if count != 1 else ''} · {len(late)} late · "
        f"course version {escape(report.course_version)} · made {escape(report.made)}</p>",
    ]
    if late:
        names = ", ".join(escape(learner.learner) for learner in late[:30])
        more = f" and {len(late) - 30} more" if len(late) > 30 else ""
        body.append(f'<p><strong>Late:</strong> {names}{more}.</p>')
    if report.modules:
        body += ["<h2>Where the team stands</h2>", _standing_chart(report)]
    body += ["<h2>Skill profile</h2>",
             '<p class="note">Share of each skill\'s rubric criteria met in every learner\'s latest answer to '
             "each exercise, averaged over learners.</p>", _skill_chart(report)]
    if report.learners:
        body += ["<h2>Learners × modules</h2>",
                 '<p class="note">✓ passed · ● started · ○ not started. The score is the mean of the best score at '
                 "each of the module's exercises; a module is passed at its pass mark.</p>", _matrix(report)]
    body.append(_missed(report))
    body.append(_promises(report))
    if report.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
        body.append(f'<h2>Files left out or read in part</h2><ul class="warn">{items}</ul>')
    body.append(f'<p class="note">Made with listen {escape(__version__)}.</p>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Cohort report · {escape(report.made)}</title><style>{_CSS}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>\n")
