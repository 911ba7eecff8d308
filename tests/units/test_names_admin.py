"""Names in other languages in the admin (units/names_admin.py): translators write their own
language's names of fields, award types, blocs and units; the Board both; nobody else any."""

import pytest
from django.urls import reverse

from exemplars.models import AwardType, Field
from units.models import EmulationBloc, Role, Unit
from units.roles import add_member

URL = "/admin/ten-goi/"
MERIT = "Bằng khen của Chủ tịch UBND tỉnh"


@pytest.fixture
def member(django_user_model, newsroom):
    def make(role, unit=None):
        user = django_user_model.objects.create_user(f"ten-{role}", f"{role}@example.invalid", "pw")
        add_member(user, role, unit)
        return user

    return make


def refused(response):
    """Wagtail's admin answers a refusal by sending the user to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def field_input(obj, language):
    return f"{obj._meta.label_lower}:{obj.pk}:{language}"


@pytest.mark.django_db
def test_a_khmer_translator_names_a_field_in_khmer_only(client, member):
    ethics = Field.objects.get(slug="y-duc")
    client.force_login(member(Role.TRANSLATOR_KM))

    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'name="{field_input(ethics, "km")}"' in html
    assert f'name="{field_input(ethics, "en")}"' not in html  # not their language
    assert "Tên gọi bằng ngôn ngữ khác" in html  # the admin speaks Vietnamese

    # A forged form also carries English and Vietnamese names: only the Khmer one is taken.
    response = client.post(
        URL,
        {
            field_input(ethics, "km"): "សីលធម៌\u00a0គ្រូពេទ្យ\n",
            field_input(ethics, "en"): "Forged",
            f"exemplars.field:{ethics.pk}:vi": "Giả mạo",
        },
    )
    assert response.status_code == 302
    ethics.refresh_from_db()
    assert ethics.name_km == "សីលធម៌\u00a0គ្រូពេទ្យ"  # stripped to one line
    assert ethics.name_en == "Medical ethics" and ethics.name == "Y đức"


@pytest.mark.django_db
def test_the_board_names_award_types_blocs_and_units_in_both_languages(client, member):
    merit = AwardType.objects.get(name=MERIT)
    bloc = EmulationBloc.objects.get(slug="khoi-van-hoa-xa-hoi")
    unit = Unit.objects.get(slug="so-y-te")
    client.force_login(member(Role.BOARD))

    response = client.post(
        URL,
        {
            field_input(merit, "km"): "លិខិតសរសើរ",
            field_input(bloc, "en"): "Culture and society bloc",
            field_input(unit, "km"): "មន្ទីរសុខាភិបាល",
        },
    )

    assert response.status_code == 302
    assert AwardType.objects.get(pk=merit.pk).name_km == "លិខិតសរសើរ"
    assert EmulationBloc.objects.get(pk=bloc.pk).name_en == "Culture and society bloc"
    assert Unit.objects.get(pk=unit.pk).name_km == "មន្ទីរសុខាភិបាល"
    assert "3 tên" in client.get(URL).content.decode()  # "3 names saved", in Vietnamese


@pytest.mark.django_db
def test_a_too_long_name_is_shown_back_and_nothing_is_saved(client, member):
    ethics, culture = Field.objects.get(slug="y-duc"), Field.objects.get(slug="van-hoa-xa-hoi")
    client.force_login(member(Role.TRANSLATOR_EN))

    response = client.post(URL, {field_input(ethics, "en"): "x" * 256, field_input(culture, "en"): "Culture"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "x" * 256 in html  # what was typed is kept
    assert 'value="Culture"' in html
    assert Field.objects.get(pk=culture.pk).name_en == "Culture and society"  # nothing saved


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.APPROVER, Role.OUTLET_EDITOR])
def test_staff_who_do_not_translate_neither_see_nor_post_names(client, member, role):
    unit = Unit.objects.get(slug="bao-soc-trang" if role == Role.OUTLET_EDITOR else "huyen-ke-sach")
    client.force_login(member(role, unit))
    ethics = Field.objects.get(slug="y-duc")

    assert refused(client.get(URL))
    assert refused(client.post(URL, {field_input(ethics, "km"): "Giả"}))
    assert Field.objects.get(pk=ethics.pk).name_km != "Giả"
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_translators_no_longer_edit_the_fields_themselves(client, member):
    ethics = Field.objects.get(slug="y-duc")
    client.force_login(member(Role.TRANSLATOR_KM))
    edit = reverse("wagtailsnippets_exemplars_field:edit", args=[ethics.pk])

    client.post(edit, {"name": "Đã sửa", "slug": "da-sua", "sort_order": 0})

    assert Field.objects.get(pk=ethics.pk).name == "Y đức"
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()  # their menu item
