"""The export page's "全选" works under the admin's Content-Security-Policy (which blocks inline
script), and the CSV the browser downloads opens in Excel as Chinese (UTF-8 with BOM)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_select_all_toggles_every_column_and_csv_has_a_bom(page, live_seeded, log_in, chief, shoot):
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    log_in(live_seeded.url, *chief)
    page.goto(live_seeded.url + "/admin/hospitals/hospital/export/")
    assert "script-src 'self'" in page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    columns = page.locator(".selectable-field-export-row input[type=checkbox]:not(.select-toggle)")
    columns_expected = 12  # the hospital spreadsheet's columns, division code included
    assert columns.count() == columns_expected
    toggle = page.locator(".select-toggle")

    toggle.uncheck()
    assert [columns.nth(i).is_checked() for i in range(columns.count())] == [False] * columns_expected
    toggle.check()
    assert [columns.nth(i).is_checked() for i in range(columns.count())] == [True] * columns_expected
    assert page.locator(".export-select-all label").inner_text().strip() == "全选"
    page.get_by_label("院训").uncheck()
    shoot("admin-export")
    assert not blocked

    page.select_option("#id_format", label="CSV")
    with page.expect_download() as download:
        page.click("input[type=submit]")
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    header = content[3:].decode("utf-8").splitlines()[0]
    assert header.split(",") == ["正式名称", "省份", "城市", "区县", "行政区划代码", "类型", "等级", "建院年份", "床位数", "职工数",
                                   "审核状态"]
