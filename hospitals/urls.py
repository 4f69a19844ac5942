from django.urls import path

from . import views

app_name = "hospitals"

urlpatterns = [
    path("hospitals/", views.HospitalListView.as_view(), name="hospital-list"),
    path("hospitals/<int:pk>/", views.HospitalDetailView.as_view(), name="hospital-detail"),
    path("honours/", views.HonourListView.as_view(), name="honour-list"),
    path("honours/<int:pk>/", views.HonourDetailView.as_view(), name="honour-detail"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
]
