"""core.forking's garbage-collector freeze, in a fresh interpreter: what it freezes stays for the
process's life, so the suite's own process is no place to try it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FREEZE_TWICE = """
import gc, weakref
from core.forking import freeze_loaded

loaded = {"tables": [[i] for i in range(1000)]}  # what a process keeps for its life
freeze_loaded()
frozen = gc.get_freeze_count()
later = [[i] for i in range(1000)]  # made after: a second call must not freeze these
freeze_loaded()

class Node:
    pass

node = Node()
node.me = node  # a cycle made after the freeze: the collector still frees it
ref = weakref.ref(node)
del node
gc.collect()
print(frozen >= 1000, gc.get_freeze_count() == frozen, ref() is None)
"""


def test_freeze_keeps_what_was_loaded_once_and_collects_what_comes_later():
    out = subprocess.run([sys.executable, "-c", FREEZE_TWICE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]
