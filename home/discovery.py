"""Discovery for search engines and portals: sitemap and robots.txt."""

from django.http import HttpResponse
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


def sitemap(request):
    return wagtail_sitemap(request)


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
