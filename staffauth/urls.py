from django.urls import path

from staffauth import views

app_name = "staffauth"
urlpatterns = [
    path("enrol/", views.enrol, name="enrol"),
    path("verify/", views.verify, name="verify"),
    path("recovery-codes/", views.renew_recovery_codes, name="renew_recovery_codes"),
]
