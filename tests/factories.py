"""Factories for the newsroom's content, built in code. Pages need a `parent`."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import CampaignPage, HonouringEventPage
from columns.models import ColumnArticlePage, ColumnPage
from exemplars.models import ExemplarPage, Field, UnitSectionPage
from home.documents import DocumentLibraryPage
from home.models import StandardPage
from units.models import Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    slug = factory.Sequence(lambda n: f"xa-thu-nghiem-{n}")
    kind = UnitKind.DISTRICT


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class UnitSectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UnitSectionPage

    title = factory.LazyAttribute(lambda o: o.unit.name)
    unit = factory.SubFactory(UnitFactory)


class ExemplarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExemplarPage

    title = factory.Sequence(lambda n: f"Gương sáng số {n}: người nông dân sản xuất giỏi")
    subject_name = factory.Sequence(lambda n: f"Ông Thạch Sóc {n}")
    summary = "Từ hai công đất trồng lúa, ông mạnh dạn chuyển sang mô hình lúa - tôm, thu nhập tăng gấp ba."
    locality = "xã An Mỹ, huyện Kế Sách"
    first_published_at = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2020, 5, 12, 9, 0)))


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Phong trào thi đua số {n}")
    launched_by = "UBND tỉnh Sóc Trăng"
    start_date = datetime.date(2019, 1, 1)
    end_date = datetime.date(2030, 12, 31)


class HonouringEventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HonouringEventPage

    title = "Hội nghị biểu dương điển hình tiên tiến"
    kind = "conference"
    date = datetime.date(2020, 11, 20)
    place = "Hội trường UBND tỉnh Sóc Trăng"


class ColumnPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ColumnPage

    title = factory.Sequence(lambda n: f"Gương sáng đời thường {n}")


class ColumnArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ColumnArticlePage

    title = factory.Sequence(lambda n: f"Bài viết chuyên mục {n}")
    summary = "Câu chuyện về người tốt, việc tốt ở ấp Trà Canh."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Liên hệ"


class DocumentLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DocumentLibraryPage

    title = "Văn bản"
    intro = "Các văn bản chỉ đạo về thi đua, khen thưởng."
