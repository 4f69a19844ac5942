"""PostgreSQL: the search documents' vectors, and imports that have them computed beside them.

A document's vector (`to_tsvector('simple', tokens)`, what the GIN index and the ranking read)
was a generated column: the server computed it inside every insert while the importer waited,
5.7 of the 12.7 s of work the server did for an import of 1,000 articles. A trigger now computes
it for every insert and every change of the tokens, as the column did, unless the transaction
has taken the job on (`hospitals.defer_search_vectors`): an import of several files does
(`DeferredVectors`). Its inserts leave the vector empty, and a thread on a connection of its own
fills the vectors of each batch the import commits while the import writes the next one, and
the rest before the import returns. In between, a committed document is in the database but not
yet found by search (a batch's time and the thread's lag: seconds). A process killed meanwhile
leaves documents without a vector; the next import of several files fills them first, and
`rebuild_search_index` writes every document again.
"""

from __future__ import annotations

import logging
import threading
from typing import Self

from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)

SETTING = "hospitals.defer_search_vectors"
_INSERT = 'INSERT INTO "articles_searchdocument"'
FILL_ROWS = 500  # per statement: each commits on its own, so documents become findable as it goes

STRUCTURES = (
    "ALTER TABLE articles_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector",
    f"""CREATE OR REPLACE FUNCTION articles_searchdocument_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' AND current_setting('{SETTING}', true) = 'on' THEN
            NEW.search_vector := NULL;
        ELSE
            NEW.search_vector := to_tsvector('simple'::regconfig, NEW.tokens);
        END IF;
        RETURN NEW;
    END $$""",
    "DROP TRIGGER IF EXISTS search_document_vector ON articles_searchdocument",
    ("CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE OF tokens ON articles_searchdocument "
     "FOR EACH ROW EXECUTE FUNCTION articles_searchdocument_vector()"),
    "CREATE INDEX IF NOT EXISTS search_document_vector ON articles_searchdocument USING GIN (search_vector)",
    # The documents still to fill, found without reading the table.
    ("CREATE INDEX IF NOT EXISTS search_document_vector_missing ON articles_searchdocument (id) "
     "WHERE search_vector IS NULL"),
)


def create(cursor) -> None:
    for statement in STRUCTURES:
        cursor.execute(statement)


def fill_missing(cursor) -> int:
    """Compute the vectors documents are waiting for, a few hundred per statement; rows another
    transaction holds (deleting them, say) are left to it. Returns how many were filled."""
    filled = 0
    while True:
        cursor.execute(
            "UPDATE articles_searchdocument AS d SET search_vector = to_tsvector('simple'::regconfig, d.tokens) "
            "WHERE d.id IN (SELECT id FROM articles_searchdocument WHERE search_vector IS NULL ORDER BY id "
            "LIMIT %s FOR UPDATE SKIP LOCKED)",
            [FILL_ROWS],
        )
        filled += cursor.rowcount
        if cursor.rowcount < FILL_ROWS:
            return filled


class DeferredVectors:
    """Within the block, this connection's inserts of documents leave their vectors to a thread
    that fills them after each commit the block announces (`committed()`); on leaving it, the
    thread finishes and this connection fills whatever is left (its own uncommitted documents
    too, inside a transaction that encloses the import, as in tests). `enabled` False: nothing
    changes, the trigger computes each vector in its insert."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and connection.vendor == "postgresql"
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._wrapper = None

    def __enter__(self) -> Self:
        if self.enabled:
            self._wrapper = connection.execute_wrapper(self._defer_in_transaction)
            self._wrapper.__enter__()
        return self

    @staticmethod
    def _defer_in_transaction(execute, sql, params, many, context):
        # The setting is the transaction's own (`set_config(…, true)`), made right before each
        # insert of documents: behind a pooler in transaction mode, a session's setting would
        # stay with a server connection other clients get next.
        if sql.startswith(_INSERT):
            context["cursor"].execute("SELECT set_config(%s, 'on', true)", [SETTING])
        return execute(sql, params, many, context)

    def committed(self) -> None:
        if not self.enabled:
            return
        if self._thread is None:
            # Started at the first commit, after the import's analysis workers are forked: a
            # child would inherit the socket of a connection opened before (core/forking.py).
            # Its first round also fills what an import killed earlier left without vectors.
            self._thread = threading.Thread(target=self._fill, name="search-vectors", daemon=True)
            self._thread.start()
        self._wake.set()

    def __exit__(self, kind, exc, traceback) -> None:
        if not self.enabled:
            return
        self._wrapper.__exit__(None, None, None)
        if self._thread is not None:
            self._stopping = True
            self._wake.set()
            self._thread.join()  # its last round fills what the import committed
        try:
            with connection.cursor() as cursor:
                # Inside a transaction that encloses the import (tests), what it writes next is
                # indexed in its insert again.
                cursor.execute("SELECT set_config(%s, 'off', true)", [SETTING])
                fill_missing(cursor)
        except DatabaseError:
            if kind is None:
                raise
            # The import is failing with its own error, which is the one to report: its
            # transaction can take no statement now.

    def _fill(self) -> None:
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                stopping = self._stopping
                with connection.cursor() as cursor:  # this thread's own connection
                    fill_missing(cursor)
                if stopping:
                    return
        except Exception:  # the importer's connection fills what this one could not
            logger.exception("search vectors: the filling thread stopped")
        finally:
            connection.close()
