from django.urls import include, path
from wagtail import hooks

from staffauth import audit, urls
from staffauth.account import SecondFactorPanel


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [path("xac-thuc-hai-buoc/", include(urls, namespace="staffauth"))]


@hooks.register("register_account_settings_panel")
def second_factor_panel(request, user, profile):
    return SecondFactorPanel(request, user, profile)


@hooks.register("register_log_actions")
def register_second_factor_actions(actions):
    for action, label, message in audit.ACTIONS:
        actions.register_action(action, label, message)
