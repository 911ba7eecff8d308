from wagtail import hooks

from core.avatars import avatar_url
from core.concurrent_edits import NewsroomPageViewSet


# After Wagtail's own default page viewset (registered with order -1), so this one takes its place
# for every page type: the page URLs stay Wagtail's and route here (core/concurrent_edits.py).
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return NewsroomPageViewSet()


# No Gravatar: initials instead (core/avatars.py).
@hooks.register("get_avatar_url")
def initials_instead_of_gravatar(user, size):
    return avatar_url(user, size)
