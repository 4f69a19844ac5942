"""The editors' admin is readable at 1280 px and on a phone: every changelist and change form is
photographed into var/screenshots/ (admin-<model>-list / -form, and phone-…), no table cell is
narrower than a few characters (Chinese breaks between any two characters, and a squeezed
column showed one per line), and at 1280 px no changelist needs scrolling sideways."""

from __future__ import annotations

import pytest
from django.contrib import admin

from .test_admin_forms import CONTENT_MODELS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MIN_CHARACTERS = 3  # a cell holds at least this many characters side by side

CELL_WIDTHS = """() => [...document.querySelectorAll('#result_list tbody td:not(.action-checkbox)')].map(td => {
    const style = getComputedStyle(td);
    const inner = td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [td.className, inner / parseFloat(style.fontSize)];
})"""

PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"
TABLE_OVERFLOW = """() => { const box = document.querySelector('#changelist .results');
    return box ? box.scrollWidth - box.clientWidth : 0; }"""


def models_to_show():
    return [*CONTENT_MODELS, *(m for m in admin.site._registry if m not in CONTENT_MODELS)]


@pytest.mark.parametrize("width,height,prefix", [(1280, 900, "admin"), (390, 844, "phone")], ids=["1280", "phone"])
def test_changelists_and_forms_are_readable(page, live_seeded, log_in, chief, width, height, prefix):
    from articles.models import Tombstone
    from hospitals.models import HospitalAlias

    HospitalAlias.objects.first().delete()  # a tombstone, so that its list has a row
    assert Tombstone.objects.exists()
    page.set_viewport_size({"width": width, "height": height})
    log_in(live_seeded.url, *chief)
    from .conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    narrow, wide = [], []
    for model in models_to_show():
        opts = model._meta
        base = f"{live_seeded.url}/admin/{opts.app_label}/{opts.model_name}/"
        page.goto(base)
        page.screenshot(path=str(SCREENSHOTS / f"{prefix}-{opts.app_label}-{opts.model_name}-list.png"), full_page=True)
        narrow += [(opts.label, cls, round(chars, 1)) for cls, chars in page.evaluate(CELL_WIDTHS) if chars < MIN_CHARACTERS]
        if width >= 1280 and page.evaluate(TABLE_OVERFLOW) > 1:
            wide.append((opts.label, page.evaluate(TABLE_OVERFLOW)))
        scroll_width, window_width = page.evaluate(PAGE_WIDTH)
        assert scroll_width <= window_width, (opts.label, "the page scrolls sideways", scroll_width)
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            page.goto(f"{base}{first.pk}/change/")
            page.screenshot(path=str(SCREENSHOTS / f"{prefix}-{opts.app_label}-{opts.model_name}-form.png"),
                            full_page=True)
            scroll_width, window_width = page.evaluate(PAGE_WIDTH)
            assert scroll_width <= window_width, (opts.label, "the form scrolls sideways", scroll_width)
    assert not narrow
    assert not wide
