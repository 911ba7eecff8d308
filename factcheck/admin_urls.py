from django.urls import path

from factcheck import admin_views

app_name = "factcheck_admin"

urlpatterns = [
    path("pages/<int:page_id>/", admin_views.LinksView.as_view(), name="links"),
    path("pages/<int:page_id>/revoke/<int:link_id>/", admin_views.revoke, name="revoke"),
]
