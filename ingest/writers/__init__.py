"""Writing one parsed file. Set-based: the file's existing hospitals, keywords and articles are
read in one query each (`FileState.load`), and new rows of a kind go in with one insert per
article (history rows in bulk too); only records that already exist are compared and saved one
by one. One writer per kind of record; `FileWriter` is all of them over one `FileState`."""

from __future__ import annotations

from articles import search
from core import importcontext

from ..retire import Retirer
from ..review import file_review_items, group_held_records
from ..state import FileState
from .articles import ArticleWriter
from .honours import HonourWriter
from .hospitals import HospitalWriter
from .people import PeopleWriter


class FileWriter(ArticleWriter, HospitalWriter, PeopleWriter, HonourWriter, Retirer):
    def __init__(self, state: FileState):
        super().__init__(state)

    def write(self) -> None:
        with importcontext.importing(self.state.key, self.state.importer) as context:
            self.state.context = context
            self._write()
            file_review_items(group_held_records(self.state.review))
            # One reindex of this file's articles and hospitals, instead of one per save, with
            # the tokens the analysis computed for the texts it saw.
            known = {text: tokens for item in self.state.analysed for text, tokens in item.index_tokens.items()}
            with importcontext.known_tokens(known):
                unique = {kind: [r for r in {id(r): r for r in records}.values() if not self.state.was_retired(r)]
                          for kind, records in self.state.changed.items()}
                created = self.state.created
                # Rows inserted just now have no documents to replace: no query for them.
                fresh = all((type(r), r.pk) in created
                            for records in (self.state.touched_articles, *unique.values()) for r in records)
                search.index_many(self.state.touched_articles, self.state.article_parts, fresh=fresh,
                                  new_hospitals={pk: self.state.new_aliases.get(pk, []) for pk in self.state.new_hospital_ids},
                                  **unique)
