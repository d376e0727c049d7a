"""A room's results as one self-contained HTML page: styles inline, no script, no font, no image, nothing
fetched (its Content-Security-Policy forbids it), so it opens from a USB stick or a mail attachment.

Every learner-controlled string (file names, failure messages, what was altered) is escaped with
`html.escape` before it reaches the page.
"""

from __future__ import annotations

from html import escape

from agnocourse.grading.room import ExerciseSummary, Learner, Room, failure_text

POLICY = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.bar { width: 7rem; height: .9rem; background: #e6e6e6; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.passed { background: #dff0d8; } .failed { background: #f8d7da; } .altered { background: #fff3cd; }
.absent { background: #f1f1f1; color: #666; } .unreadable { background: #f8d7da; }
td.mark, td.share { text-align: center; white-space: nowrap; }
ul { margin: 0; padding-left: 1.1rem; } .count { font-weight: 600; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #161616; } th, td { border-color: #444; }
  .passed { background: #1e3a20; } .failed, .unreadable { background: #4a1f24; }
  .altered { background: #4a3d12; } .absent { background: #2a2a2a; color: #aaa; } .bar { background: #333; }
}
"""
MARKS = {"passed": "✓", "altered": "✓ altered", "absent": "–"}


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _exercise_row(exercise: ExerciseSummary) -> str:
    failures = "".join(
        f'<li><span class="count">{count}×</span> {escape(message)}</li>' for message, count in exercise.failures
    )
    return (
        f"<tr><td>{escape(exercise.id)}</td><td>{escape(exercise.title)}</td>"
        f'<td><div class="bar" title="{_percent(exercise.share)}"><span style="width: {exercise.share * 100:.1f}%">'
        f'</span></div></td><td class="share">{exercise.passed}/{exercise.attempted} passed '
        f"({_percent(exercise.share)})</td><td><ul>{failures}</ul></td></tr>"
    )


def _cell(learner: Learner, exercise: ExerciseSummary) -> str:
    result = learner.results.get(exercise.id)
    if result is None:
        state, text, title = "absent", MARKS["absent"], "not handed in"
    elif result.status in ("passed", "altered"):
        state, text = result.status, f"{MARKS[result.status]} {result.points}"
        title = failure_text(result) if result.status == "altered" else "passed"
    else:
        state, text, title = "failed", f"✗ {result.status}", failure_text(result)
    return f'<td class="mark {state}" title="{escape(title)}">{escape(text)}</td>'


def _learner_row(learner: Learner, exercises: list[ExerciseSummary]) -> str:
    name = escape(learner.name)
    notes = [f"not graded: {text}" for text in learner.unreadable]
    notes += [f"altered: {text}" for text in learner.altered] + [f"problem: {text}" for text in learner.problems]
    listed = "".join(f"<li>{escape(note)}</li>" for note in notes)
    if not learner.results:
        return (
            f'<tr class="unreadable"><th scope="row">{name}</th><td class="mark unreadable" '
            f'colspan="{len(exercises) + 1}">not graded</td><td><ul>{listed}</ul></td></tr>'
        )
    cells = "".join(_cell(learner, e) for e in exercises)
    total = f'<td class="total">{learner.points}</td>'
    return f'<tr><th scope="row">{name}</th>{cells}{total}<td><ul>{listed}</ul></td></tr>'


def render(room: Room, title: str = "The room's results") -> str:
    """The whole page, as text."""
    graded = sum(1 for learner in room.learners if learner.results)
    lost = len(room.learners) - graded
    heading = f"{graded} learner(s) graded" + (f", {lost} with no notebook that could be graded" if lost else "")
    exercise_rows = "".join(_exercise_row(e) for e in room.exercises)
    head = "".join(f'<th scope="col" title="{escape(e.title)}">{escape(e.id)}</th>' for e in room.exercises)
    learner_rows = "".join(_learner_row(learner, room.exercises) for learner in room.learners)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p id="summary">{heading}; {len(room.exercises)} exercise(s), {room.max_points} points in all.</p>
<h2>Exercises</h2>
<p>The share of learners who handed in the exercise and passed its check (a pass whose check cell was altered
is not counted), and the commonest ways the others failed.</p>
<table id="exercises">
<thead><tr><th>exercise</th><th>title</th><th>passed</th><th></th><th>commonest failures</th></tr></thead>
<tbody>{exercise_rows}</tbody>
</table>
<h2>Learners</h2>
<p>✓ passed (points), ✗ failed and how, ✓ altered: passed with an edited check cell, – not handed in.
Hover over a cell for its message.</p>
<table id="learners">
<thead><tr><th>learner</th>{head}<th>total / {room.max_points}</th><th>notes</th></tr></thead>
<tbody>{learner_rows}</tbody>
</table>
</body>
</html>
"""
