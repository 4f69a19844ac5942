from django.urls import path

from core.security import read_only

from . import views

app_name = "articles"

urlpatterns = [
    path("", read_only(views.ArticleListView.as_view()), name="article-list"),
    path("<int:pk>/", read_only(views.ArticleDetailView.as_view()), name="article-detail"),
]
