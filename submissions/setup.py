"""The two form pages under the home page, in Vietnamese and translated; run by setup_newsroom."""

from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from submissions.models import DifficultyReportFormPage, NominationFormPage

FORM_PAGES = [
    (
        NominationFormPage,
        "gioi-thieu-guong-dien-hinh",
        {
            "title": "Giới thiệu gương điển hình",
            "intro": "Bạn biết một cá nhân, tập thể hay hộ gia đình tiêu biểu trong các phong trào thi đua yêu nước? "
            "Hãy giới thiệu với Ban Thi đua - Khen thưởng tỉnh Sóc Trăng. Ban sẽ xem xét, phối hợp với đơn vị "
            "để tuyên truyền, nhân rộng gương điển hình.",
            "thank_you_text": "Cảm ơn bạn đã giới thiệu gương điển hình. Ban Thi đua - Khen thưởng sẽ xem xét "
            "và liên hệ với bạn khi cần thêm thông tin.",
        },
        {
            "title": _("Nominate an exemplar"),
            "intro": _(
                "Do you know a person, collective or household who stands out in the patriotic emulation "
                "movements? Tell the Emulation and Commendation Board of Sóc Trăng province. The Board will "
                "review your nomination and work with the unit to make the exemplar known."
            ),
            "thank_you_text": _(
                "Thank you for your nomination. The Emulation and Commendation Board will review it and "
                "contact you if it needs more information."
            ),
        },
    ),
    (
        DifficultyReportFormPage,
        "phan-anh-kho-khan-vuong-mac",
        {
            "title": "Phản ánh khó khăn, vướng mắc",
            "intro": "Theo Kế hoạch số 123/KH-UBND ngày 04/9/2019 của Ủy ban nhân dân tỉnh, trong quá trình "
            "thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời phản ánh về Sở Nội vụ "
            "(thông qua Ban Thi đua - Khen thưởng) để trình Ủy ban nhân dân tỉnh sửa đổi, bổ sung kịp thời.",
            "thank_you_text": "Ban Thi đua - Khen thưởng đã nhận phản ánh của đơn vị và sẽ phản hồi qua email "
            "hoặc số điện thoại bạn đã cung cấp.",
        },
        {
            "title": _("Report a difficulty"),
            "intro": _(
                "Under Plan 123/KH-UBND of 4 September 2019 of the People's Committee, agencies, units and "
                "localities report any difficulty in carrying out the plan to the Department of Home Affairs "
                "(through the Emulation and Commendation Board), which proposes changes to the People's Committee."
            ),
            "thank_you_text": _(
                "The Emulation and Commendation Board has received your unit's report and will answer by the "
                "email or phone number you gave."
            ),
        },
    ),
]


def _paragraph(text):
    return f"<p>{escape(str(text))}</p>"


@transaction.atomic
def ensure_form_pages(home, tally):
    """Each form page under the Vietnamese ``home`` page, then its translation under every other
    language's home page; pages that exist are left as editors made them."""
    for page_class, slug, vietnamese, translated_text in FORM_PAGES:
        page = page_class.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = page_class(
                slug=slug,
                locale=home.locale,
                title=vietnamese["title"],
                intro=_paragraph(vietnamese["intro"]),
                thank_you_text=_paragraph(vietnamese["thank_you_text"]),
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            tally.record("pages", "created")
        else:
            tally.record("pages", "unchanged")
        for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
            if page.get_translations().filter(locale=locale).exists():
                tally.record("translated pages", "unchanged")
                continue
            if not home.get_translations().filter(locale=locale).exists():
                continue
            copy = page.copy_for_translation(locale)
            with translation.override(locale.language_code):
                copy.title = str(translated_text["title"])
                copy.intro = _paragraph(translated_text["intro"])
                copy.thank_you_text = _paragraph(translated_text["thank_you_text"])
            copy.save_revision().publish()
            tally.record("translated pages", "created")
