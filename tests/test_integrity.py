"""agnocourse.grading.integrity: what of the interpreter a notebook's own code stands in for, and `check` refusing to
run on it. In this process the tests' files are the learner's: code from outside the installation and the course."""

import asyncio
import dataclasses
import functools
import sys
import threading

import agno.agent
import pytest

from agnocourse.grading import check
from agnocourse.grading.integrity import replaced, trusted_file


def test_an_interpreter_with_agno_and_the_course_loaded_is_its_own():
    assert agno.agent.Agent and replaced() == []


def test_a_function_a_method_and_a_class_of_the_notebook_are_named(monkeypatch):
    class Thread(threading.Thread): ...

    monkeypatch.setattr(threading.Thread, "start", lambda self: None)
    monkeypatch.setattr(asyncio, "gather", lambda *aws: None)
    monkeypatch.setattr(agno.agent.Agent, "arun", staticmethod(lambda *args: None))
    monkeypatch.setattr(threading, "Timer", Thread)
    assert set(replaced()) == {
        "threading.Thread.start", "asyncio.gather", "agno.agent.agent.Agent.arun", "threading.Timer"
    }  # fmt: skip


def test_hooks_of_the_notebook_are_named(monkeypatch):
    class Finder:
        def find_spec(self, *args):
            return None

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    assert replaced() == ["the import finder sys.meta_path[0]"]


def test_a_trace_function_of_the_notebook_is_named():
    def trace(*args):
        return None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        found = replaced()
    finally:
        sys.settrace(previous)
    assert "the trace function (sys.settrace)" in found


def test_where_code_comes_from():
    assert trusted_file(threading.__file__) and trusted_file(agno.agent.__file__)
    assert trusted_file("<frozen importlib._bootstrap>") and trusted_file("<string>")  # dataclasses' methods
    assert not trusted_file(__file__) and not trusted_file("/tmp/ipykernel_1/123.py")
    assert not trusted_file("<ipython-input-3-abc>")


def test_check_refuses_to_run_on_what_the_notebook_replaced(monkeypatch):
    monkeypatch.setattr(threading.Thread, "start", lambda self: None)
    expected = r"Exercise 1\.1 was not checked: .*came to stand in for threading\.Thread\.start"
    with pytest.raises(AssertionError, match=expected):
        check("1.1", object, object)


def test_a_builtin_in_place_of_a_method_is_named_and_one_the_source_binds_is_not(monkeypatch):
    import logging

    monkeypatch.setattr(threading.Thread, "start", print)  # the thread never starts: the check would "pass"
    assert logging.Formatter.converter.__name__ == "localtime"  # logging.py binds `converter = time.localtime`
    assert replaced() == ["threading.Thread.start"]


def test_check_does_not_count_a_pass_after_which_the_notebook_stands_in_for_something(monkeypatch):
    import agnocourse.grading
    from agnocourse.grading.registry import lookup

    def learner_code(*answers):  # what the check calls of the answer patches the interpreter, then returns
        monkeypatch.setattr(threading.Thread, "join", lambda self, timeout=None: None)

    monkeypatch.setattr(agnocourse.grading, "lookup", lambda id: dataclasses.replace(lookup(id), check=learner_code))
    expected = r"Exercise 1\.1 does not count: while it ran, .*threading\.Thread\.join"
    with pytest.raises(AssertionError, match=expected):
        check("1.1", object, object)


@pytest.mark.parametrize(
    "stand_in", [int, staticmethod(print), functools.partial(print)], ids=["builtin-type", "staticmethod", "partial"]
)
def test_a_builtin_wrapped_or_not_in_place_of_a_method_is_named(monkeypatch, stand_in):
    monkeypatch.setattr(threading.Thread, "start", stand_in)
    assert replaced() == ["threading.Thread.start"]


def test_a_mock_left_running_is_named():
    from unittest import mock

    patch = mock.patch.object(threading.Thread, "start")
    patch.start()
    try:
        assert replaced() == ["threading.Thread.start"]
    finally:
        patch.stop()


def test_the_hooks_the_standard_library_leaves_to_its_caller_are_not_named(monkeypatch):
    import logging
    import warnings

    def hook(*args, **kwargs):
        return ""

    for module, name in [(warnings, "formatwarning"), (warnings, "showwarning"), (threading, "excepthook")]:
        monkeypatch.setattr(module, name, hook)
    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(logging, "_logRecordFactory", hook)
    assert replaced() == []
