"""`make bench` reads make test's output: each pytest phase's count and time, then the slowest tests."""

from agnocourse.bench import phases_and_slowest

OUTPUT = """\
........ [100%]
=============================== 808 passed in 126.75s (0:02:06) ===============================
============================= slowest 25 durations =============================
59.34s call     tests/test_lab_browser.py::test_a_learner_answers_the_first_exercise_in_jupyterlab
49.09s setup    tests/test_book.py::test_book_builds_without_warnings
1757 passed, 2 warnings in 432.41s (0:07:12)
"""


def test_phases_come_first_then_the_slowest_tests():
    assert phases_and_slowest(OUTPUT) == [
        ("  pytest: 808 passed", "126.75s"),
        ("  pytest: 1757 passed, 2 warnings", "432.41s"),
        ("  call tests/test_lab_browser.py::test_a_learner_answers_the_first_exercise_in_jupyterlab", "59.3 s"),
        ("  setup tests/test_book.py::test_book_builds_without_warnings", "49.1 s"),
    ]


def test_a_failed_phase_is_not_read_as_a_time():
    assert phases_and_slowest("2 failed, 10 passed in 3.00s\n") == []
