"""Names in other languages saved while the database connection drops: all of them or none."""

from exemplars.models import Field
from tests.connection_drops import browser_for, connection_drops_before, told_to_retry
from tests.units.test_names_admin import URL, field_input
from units.models import Role, Unit
from units.roles import add_member


def test_names_cut_off_after_the_first_row_are_not_half_saved(django_user_model, newsroom):
    board = django_user_model.objects.create_user("ten-board", "board@example.invalid", "pw")
    add_member(board, Role.BOARD)
    field = Field.objects.order_by("pk").first()
    unit = Unit.objects.get(slug="so-y-te")
    before = (field.name_en, unit.name_km)
    browser = browser_for(board)

    with connection_drops_before("UPDATE", nth=2):
        response = browser.post(
            URL, {field_input(field, "en"): "New rural areas", field_input(unit, "km"): "មន្ទីរសុខាភិបាល"}
        )

    assert told_to_retry(response)
    field.refresh_from_db()
    unit.refresh_from_db()
    assert (field.name_en, unit.name_km) == before
