from django.urls import path

from core.security import read_only

from . import views

app_name = "hospitals"

urlpatterns = [
    path("hospitals/", read_only(views.HospitalListView.as_view()), name="hospital-list"),
    path("hospitals/<int:pk>/", read_only(views.HospitalDetailView.as_view()), name="hospital-detail"),
    path("honours/", read_only(views.HonourListView.as_view()), name="honour-list"),
    path("honours/<int:pk>/", read_only(views.HonourDetailView.as_view()), name="honour-detail"),
    path("people/", read_only(views.PersonListView.as_view()), name="person-list"),
    path("people/<int:pk>/", read_only(views.PersonDetailView.as_view()), name="person-detail"),
]
