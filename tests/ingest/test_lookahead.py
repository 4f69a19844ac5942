"""The analysis workers run ahead of the writer, within bounds (ingest/pipeline.py): far enough
that they keep busy while a batch commits, not so far that a large folder is held in memory."""

import pytest

from ingest import pipeline
from ingest.files import discover

pytestmark = pytest.mark.django_db

ARTICLE = "{n}号文章：医院开展义诊活动\n\n本报讯 3月{n}日，某市人民医院在社区开展义诊活动，为居民测量血压。\n"


class Taking(list):
    """The files, counting how many the pipeline has taken (submitted to the workers) so far."""

    taken = 0

    def __iter__(self):
        for item in super().__iter__():
            self.taken += 1
            yield item


def _folder(tmp_path, count: int, padding: int = 0):
    for n in range(1, count + 1):
        text = ARTICLE.format(n=n) + "居民说：“方便。”\n" * padding
        (tmp_path / f"{n:02}.txt").write_text(text, encoding="utf-8")
    return Taking(discover([str(tmp_path)])[0])


def _ahead_at_each_result(items) -> list[int]:
    ahead, order = [], []
    for done, (item, _, parsed, analysed, error) in enumerate(pipeline._analysed_in_order(items, 10**6, 2), 1):
        assert error is None and len(analysed) == 1
        order.append(item.display)
        ahead.append(items.taken - done)
    assert order == [item.display for item in list.__iter__(items)]  # the writer still gets them in order
    return ahead


def test_workers_run_ahead_by_files_up_to_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "AHEAD_FILES_PER_WORKER", 3)
    ahead = _ahead_at_each_result(_folder(tmp_path, 12))
    # Two workers, three files each: five wait behind the one handed over, until the files run out.
    assert max(ahead) == 5 and ahead[-1] == 0


def test_workers_run_ahead_by_bytes_up_to_the_bound(tmp_path, monkeypatch):
    items = _folder(tmp_path, 12, padding=20)
    size = list.__getitem__(items, 0).path.stat().st_size
    monkeypatch.setattr(pipeline, "AHEAD_BYTES", size * 2)  # two files' bytes, far fewer than 2 × 16 files
    # No more than two files' bytes wait behind the one handed over.
    assert max(_ahead_at_each_result(items)) == 2
