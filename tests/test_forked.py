"""Work shared between the cores: the same results, in the same order, as done here."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO

from generator import forked


def square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


TWO_CORES = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="sharing work needs two cores")


@TWO_CORES
def test_many_items_are_worked_on_in_other_processes_and_come_back_in_order():
    # In a fresh process: here, threads of earlier tests (servers, the browser) forbid forking.
    script = ("import os, json\nfrom generator import forked\n"
              "def square_and_pid(number): return number * number, os.getpid()\n"
              "print(json.dumps([os.getpid(), forked.each(square_and_pid, list(range(1000)))]))")
    parent, results = json.loads(subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                                                text=True, check=True).stdout)
    assert [square for square, _ in results] == [n * n for n in range(1000)]
    assert parent not in {pid for _, pid in results}


def test_few_items_are_worked_on_here():
    results = forked.each(square_and_pid, list(range(forked.WORTH_SHARING - 1)))
    assert {pid for _, pid in results} == {os.getpid()}


def test_work_may_use_what_only_this_process_has():
    local = {"offset": 7}  # a closure: inherited by the children, never pickled
    assert forked.each(lambda n: n + local["offset"], list(range(500)))[-1] == 506


def test_from_a_second_thread_nothing_forks(monkeypatch):
    import threading

    seen = []
    worker = threading.Thread(target=lambda: seen.append(forked.each(square_and_pid, list(range(500)))))
    worker.start()
    worker.join()
    assert {pid for _, pid in seen[0]} == {os.getpid()}
