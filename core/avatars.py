"""Staff avatars drawn from their initials, in the admin: no request to an outside avatar service.

Wagtail asks Gravatar for a picture of every user it shows (the account menu, page owners,
comments, history), which tells Gravatar who works in the admin and when. A user who uploaded a
picture in their account keeps it; everyone else gets their initials in a circle, as an inline SVG.
"""

from urllib.parse import quote

from django.utils.html import escape

# Soft colours with dark text (contrast above 7:1), picked by the user's id so each stays the same.
_BACKGROUNDS = ("#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1", "#fee2e2", "#ede9fe")


def initials(user):
    """Up to two letters: a Vietnamese full name is family name first and given name last
    (staff keep the whole name in first_name, see units.staff_import), so the last word's letter
    comes last: "Huỳnh Thanh Tâm" → "HT"; a one-word name or a username gives one or two letters."""
    words = " ".join([user.first_name or "", user.last_name or ""]).split() or [user.get_username()]
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else words[0][1:2])
    return letters.upper()


def initials_avatar_url(user, size):
    background = _BACKGROUNDS[(user.pk or 0) % len(_BACKGROUNDS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<circle cx="50" cy="50" r="50" fill="{background}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="40" '
        f'fill="#1f2937">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


def avatar_url(user, size):
    """For Wagtail's ``get_avatar_url`` hook: the uploaded picture if any, else the initials; None
    (Wagtail's own blank avatar) where there is no user, e.g. an edit lock or a log entry whose user
    was deleted."""
    if user is None or not getattr(user, "pk", None):
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return profile.avatar.url
    return initials_avatar_url(user, size)
