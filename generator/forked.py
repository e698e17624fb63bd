"""Work shared out between the machine's cores, in forked processes, where that is safe and pays.

A forked child inherits what the parent has loaded (schemas, the checker with every id)
instead of loading it again, so only the items and the results cross between processes,
and the results come back in the order of the items: the output does not depend on which
process did what. Forking is safe only from a process with a single thread on Linux
(``mkdocs serve`` rebuilds in a thread of its own, macOS and Windows do not fork well),
and a single core gains nothing; there the work is done here, one item after the other.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting the processes costs more than it saves.
WORTH_SHARING = 200

_WORK: dict[str, Callable] = {}  # what the children run; set before they fork, so they inherit it


def can_fork() -> bool:
    return (sys.platform == "linux" and threading.current_thread() is threading.main_thread()
            and threading.active_count() == 1 and len(os.sched_getaffinity(0)) > 1)


def each(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``work`` of every item, in order; shared between the cores where it pays."""
    if len(items) < WORTH_SHARING or not can_fork():
        return [work(item) for item in items]
    cores = len(os.sched_getaffinity(0))
    _WORK["now"] = work
    try:
        with ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run, items, chunksize=max(1, len(items) // (cores * 8))))
    except BrokenProcessPool as error:  # a child was killed (out of memory?): say so, do not wait forever
        raise RuntimeError("Ein Prozess, der Einträge las oder prüfte, wurde beendet (zu wenig Arbeitsspeicher?). "
                           "Bitte bauen Sie noch einmal; hilft das nicht, melden Sie es bitte.") from error
    finally:
        _WORK.clear()


def _run(item):
    return _WORK["now"](item)
