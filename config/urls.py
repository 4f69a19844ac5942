from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.feeds import LatestArticlesFeed
from articles.views import DataView, HomeView, KeywordView, SearchView, SourceListView
from config.sitemaps import SITEMAPS
from core.security import read_only

admin.site.site_header = "医院报道数据库 · 编辑后台"
admin.site.site_title = "医院报道数据库"
admin.site.index_title = "编辑工作台"
# The sidebar took a quarter of a 1280 px screen from the changelists; the index and the
# breadcrumbs lead everywhere it did.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", read_only(HomeView.as_view()), name="home"),
    path("search/", read_only(SearchView.as_view()), name="search"),
    path("data/", read_only(DataView.as_view()), name="data"),
    path("sources/", read_only(SourceListView.as_view()), name="source-list"),
    path("keywords/<str:word>/", read_only(KeywordView.as_view()), name="keyword"),
    path("feed/", read_only(LatestArticlesFeed()), name="feed"),
    path("sitemap.xml", read_only(sitemap), {"sitemaps": SITEMAPS, "template_name": "sitemaps/urlset.xml"}, name="sitemap"),
    path("articles/", include("articles.urls")),
    path("", include("hospitals.urls")),
    path("admin/", admin.site.urls),
]
