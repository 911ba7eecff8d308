from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.text import multiline, nfc, single_line
from factcheck.models import COMMENT_MAX_LENGTH, DEFAULT_DAYS, NAME_MAX_LENGTH

DAYS_CHOICES = [1, 3, 7, 14, 30]


def _days_label(days):
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


class SingleLineField(forms.CharField):
    """Text in NFC on one line, made so before its length is checked: a name typed in decomposed
    form (some phones and Macs) is as long as the same name composed."""

    def to_python(self, value):
        return nfc(single_line(super().to_python(value))).strip()


class MultilineField(forms.CharField):
    def to_python(self, value):
        return nfc(multiline(super().to_python(value))).strip()


class MakeLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=(),
        coerce=int,
        initial=DEFAULT_DAYS,
    )
    note = SingleLineField(
        label=_("For whom"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("Whom you send the link to, e.g. “Chairman of Ba Trinh commune”: only staff see it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels in the language of the request, not of the moment the module was imported.
        self.fields["days"].choices = [(days, _days_label(days)) for days in DAYS_CHOICES]


class CommentForm(forms.Form):
    name = SingleLineField(
        label=_("Your name and position"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("e.g. Nguyễn Văn A, Chairman of the commune People's Committee"),
    )
    text = MultilineField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is wrong or missing in the story, and what it should say."),
    )
