from django.urls import path

from privacy.views import PersonRequestView

app_name = "privacy"
urlpatterns = [path("", PersonRequestView.as_view(), name="requests")]
