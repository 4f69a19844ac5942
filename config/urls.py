from django.contrib import admin
from django.urls import include, path

from articles.views import HomeView

admin.site.site_header = "医院报道数据库 · 编辑后台"
admin.site.site_title = "医院报道数据库"
admin.site.index_title = "编辑工作台"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("", include("hospitals.urls")),
    path("admin/", admin.site.urls),
]
