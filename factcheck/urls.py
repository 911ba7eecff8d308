"""The public address of a fact-check link, outside the language prefixes: a token is one story."""

from django.urls import path

from factcheck import views

app_name = "factcheck"

urlpatterns = [path("<str:token>/", views.preview, name="preview")]
