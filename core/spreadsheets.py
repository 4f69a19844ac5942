"""Spreadsheet formats that cannot carry a formula into an editor's Excel.

A cell that starts with `= + - @`, a tab or a carriage return is exported with a leading
apostrophe (OWASP's CSV-injection advice), and the apostrophe is taken off again when the same
file is imported, so an exported sheet re-imports unchanged. Used by the admin, by our `export`
command and by the public CSV views: one escaping for every path.
"""

from __future__ import annotations

import codecs

import tablib
from import_export.formats import base_formats

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    if isinstance(value, str) and value.startswith(DANGEROUS_STARTS):
        return "'" + value
    return value


def unescape_cell(value):
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1:].startswith(DANGEROUS_STARTS):
        return value[1:]
    return value


def _map(dataset: tablib.Dataset, function) -> tablib.Dataset:
    result = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        result.append([function(cell) for cell in row])
    return result


class _SafeFormat:
    def export_data(self, dataset, **kwargs):
        return super().export_data(_map(dataset, escape_cell), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map(super().create_dataset(in_stream, **kwargs), unescape_cell)


class CSV(_SafeFormat, base_formats.CSV):
    """With a UTF-8 byte order mark, as the public CSV: without it Excel on Windows reads the
    file in the local code page and shows Chinese as mojibake."""

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.removeprefix(codecs.BOM_UTF8)
        elif isinstance(in_stream, str):
            in_stream = in_stream.removeprefix("\ufeff")
        return super().create_dataset(in_stream, **kwargs)


class XLSX(_SafeFormat, base_formats.XLSX):
    pass


class JSON(base_formats.JSON):
    """JSON is no spreadsheet: values are exported as they are."""


SPREADSHEET_FORMATS = [CSV, XLSX, JSON]
FORMATS_BY_NAME = {"CSV": CSV, "XLSX": XLSX, "JSON": JSON}
