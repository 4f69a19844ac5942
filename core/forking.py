"""Processes forked from a Django process: gunicorn's workers under `--preload`, the importer's
analysis workers.

A forked child inherits its parent's open database connections: the same socket, the same
server session. Two processes talking on one socket interleave their queries; answers go to the
wrong process (500s, one request receiving another's rows), and a child that outlives its parent
keeps the parent's session, transaction and locks alive. So every child forgets the connections
it inherited, before it runs any code of its own (`install()`, once per process), and processes
that only compute die with the process that forked them (`die_with_parent()`).
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time

from django.db import connections

# The inherited connection objects, kept from the garbage collector: finalising one would make
# libpq send the parent's session its goodbye.
_inherited: list = []
_installed = False


def forget_inherited_connections() -> None:
    """In a freshly forked child: drop every database connection of the parent, without a word
    to the server; the child's first query opens its own."""
    for conn in connections.all(initialized_only=True):
        raw = conn.connection
        if raw is not None:
            if conn.vendor == "postgresql":
                _point_at_devnull(raw)
            _inherited.append(raw)
        # A new wrapper: the parent's may be inside a transaction block.
        del connections[conn.alias]


def _point_at_devnull(raw) -> None:
    """Replace the child's copy of the socket by /dev/null: the session closes when the parent
    closes its copy, whatever the child does, and nothing the child might still write on that
    descriptor reaches the server."""
    try:
        fd = raw.fileno()
    except Exception:  # the connection was already broken: no socket to let go of
        return
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def install() -> None:
    global _installed
    if not _installed:
        _installed = True
        os.register_at_fork(after_in_child=forget_inherited_connections)


def freeze_loaded() -> None:
    """Once a process has loaded what it keeps for its whole life (Django, jieba's dictionary and
    tables), take those objects out of the cyclic garbage collector's sight: each full collection
    walked all of them again (0.37 of the 0.54 s the collector took in an import of 1,000
    articles), and in a process forked afterwards it wrote to the pages holding them, copying the
    parent's memory page by page. Objects made later are collected as before. Once per process:
    a long-lived one (a task worker running import after import) freezes its start, not its work."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


_frozen = False


PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Have this process killed when `parent_pid`, the process that forked it, ends in any way,
    kill -9 included: a worker left behind would go on waiting for work that never comes."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent_pid:  # it died before the kernel was told
                os._exit(1)
            return

    def watch() -> None:  # elsewhere: look for a new parent now and then
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()
