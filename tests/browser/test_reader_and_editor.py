"""A reader searches, filters, opens a hospital and an article; an editor corrects a title and
sees it on the public page. Screenshots of the main pages go to var/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from articles.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_searches_filters_and_reads(page, shoot, live_seeded):
    page.goto(live_seeded.url + "/")
    assert "医院报道数据库" in page.title()
    shoot("home")
    page.get_by_label("搜索").fill("党建")
    page.get_by_role("button", name="搜索").first.click()
    page.wait_for_url("**/search/**")
    assert page.locator("ol.results li").count() >= 10
    assert page.locator("ol.results mark").first.inner_text() == "党建"
    shoot("search")
    page.locator(".facets").get_by_role("link", name="文章").click()
    # Reading right after the click can catch the old page or none; wait for the filtered one.
    expect(page.locator(".facets a.selected")).to_have_text("文章")
    tags = page.locator("ol.results .tag")
    assert tags.count() >= 1 and set(tags.all_inner_texts()) == {"文章"}

    page.goto(live_seeded.url + "/hospitals/")
    page.locator(".facets").get_by_role("link", name="河南省").click()
    expect(page.locator(".facets a.selected")).to_have_text("河南省")
    expect(page.locator(".list .item")).to_have_count(5)
    shoot("hospitals")
    page.get_by_role("link", name="平顶山市第二人民医院").click()
    expect(page.locator("h1")).to_have_text("平顶山市第二人民医院")
    assert page.get_by_text("国家标准化胸痛中心示范中心").count() >= 1
    shoot("hospital")
    page.get_by_role("link", name="奋力开启高质量发展新征程").first.click()
    expect(page.locator("h1")).to_have_text("奋力开启高质量发展新征程")
    assert page.get_by_role("navigation", name="目录").is_visible()
    shoot("article")


def test_editor_corrects_a_title_and_readers_see_it(page, shoot, live_seeded, log_in, chief):
    article = Article.objects.get(title="仁和精诚铸医遗 服务人民谱华章")
    log_in(live_seeded.url, *chief)
    page.goto(f"{live_seeded.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_title", "仁和精诚铸医魂 服务人民谱华章")
    shoot("admin-article")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")
    page.goto(live_seeded.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "仁和精诚铸医魂 服务人民谱华章"
