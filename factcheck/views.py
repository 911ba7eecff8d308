"""The page a fact-check link opens, for someone without an account: the revision the link was
made for, rendered with the story's own template, marked as a draft, with a comment box.

Every answer is private: ``Cache-Control: private, no-store`` keeps the anonymous page cache
(cms/page_cache.py refuses responses saying private, no-cache or no-store) and any proxy from
keeping a draft, and ``X-Robots-Tag: noindex`` with the page's robots meta keeps it out of search
engines. A revoked or expired link says so and shows nothing of the story; an unknown or malformed
token is a plain 404.
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from core.client_address import client_ip
from factcheck import history
from factcheck.forms import CommentForm
from factcheck.models import FactCheckComment, FactCheckLink

# Comments one connection may send through fact-check links (django-ratelimit's rate syntax).
DEFAULT_RATE = "10/h"
ROBOTS = "noindex, nofollow, noarchive"


def _private(response):
    if hasattr(response, "render") and not response.is_rendered:
        response.render()  # now, inside the story's language, which the caller has switched on
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = ROBOTS
    # The token is in the address: never pass it to another site (same-origin, not no-referrer,
    # which makes browsers send "Origin: null" with the comment form and fail the CSRF check).
    response["Referrer-Policy"] = "same-origin"
    return response


def _client(group, request):
    return client_ip(request) or ""


def preview(request, token):
    link = FactCheckLink.objects.for_token(token)
    if link is None:
        raise Http404
    story = link.revision.as_object()
    with translation.override(story.locale.language_code):
        if not link.is_usable:
            return _private(TemplateResponse(request, "factcheck/gone.html", {"link": link}, status=410))
        if request.method == "POST":
            return _comment(request, link, story)
        if not request.user.is_authenticated:  # staff checking their own link do not count
            link.record_opening()
        return _render(request, link, story, CommentForm())


def _render(request, link, story, form, status=200, notice=None):
    # As Wagtail's own preview: templates and tags that care know this is not the live page.
    request.is_preview = True
    request.preview_mode = story.default_preview_mode
    context = story.get_context(request)
    context.update(
        fact_check_link=link,
        story_template=story.get_template(request),
        form=form,
        notice=notice,
        sent=request.GET.get("sent") == "1",
    )
    return _private(TemplateResponse(request, "factcheck/preview.html", context, status=status))


def _comment(request, link, story):
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render(request, link, story, form)
    # Only complete comments count: someone correcting their text is never locked out.
    if is_ratelimited(
        request,
        group="factcheck-comment",
        key=_client,
        rate=getattr(settings, "FACTCHECK_COMMENT_RATE", DEFAULT_RATE),
        method="POST",
        increment=True,
    ):
        notice = _(
            "Many comments have been sent from your connection in the last hour. "
            "Nothing you typed is lost: please wait a while and send it again."
        )
        return _render(request, link, story, form, status=429, notice=notice)
    with transaction.atomic():
        comment = FactCheckComment.objects.create(link=link, **form.cleaned_data)
        history.log_comment(comment)
    return _private(redirect(f"{request.path}?sent=1"))
