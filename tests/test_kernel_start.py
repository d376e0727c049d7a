"""A notebook kernel that dies while starting is started once more, and only once."""

import nbval.kernel
import pytest

from agnocourse.pytest_plugin import _start_twice


def test_nbval_starts_kernels_through_the_retry():
    assert hasattr(nbval.kernel.start_new_kernel, "__wrapped__")


def test_a_kernel_that_dies_once_is_started_again():
    attempts = []

    def start(**kwargs):
        attempts.append(kwargs)
        if len(attempts) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return "manager", "client"

    assert _start_twice(start)(kernel_name="python3") == ("manager", "client")
    assert attempts == [{"kernel_name": "python3"}] * 2


def test_a_kernel_that_dies_twice_fails_with_its_reason():
    attempts = []

    def start():
        attempts.append(1)
        raise RuntimeError("Kernel died before replying to kernel_info")

    with pytest.raises(RuntimeError, match="Kernel died"):
        _start_twice(start)()
    assert len(attempts) == 2
