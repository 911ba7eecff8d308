from django.urls import path

from planning.feed import feed

urlpatterns = [
    path("lich-bien-tap/<str:token>.ics", feed, name="planning_feed"),
]
