import pytest

from exemplars.models import UnitSectionPage
from factcheck.models import FactCheckLink
from tests.factories import ExemplarPageFactory
from tests.units.conftest import staff  # noqa: F401  one user per role

STORY_TITLE = "Ông Trần Văn Út hiến 1.200 m² đất làm đường ở xã Ba Trinh"


@pytest.fixture
def story_in_moderation(staff):  # noqa: F811
    """A Kế Sách story its contributor has submitted: at the unit approvers' step."""
    section = UnitSectionPage.objects.filter(locale__language_code="vi").get(unit__slug="huyen-ke-sach")
    story = ExemplarPageFactory(
        parent=section, live=False, first_published_at=None, title=STORY_TITLE, subject_name="Ông Trần Văn Út"
    )
    contributor = staff["ks-contributor"]
    story.owner = contributor
    story.save_revision(user=contributor)
    story.get_workflow().start(story, contributor)
    story.refresh_from_db()
    assert story.workflow_in_progress
    return story


@pytest.fixture
def link_and_token(story_in_moderation, staff):  # noqa: F811
    return FactCheckLink.make(story_in_moderation, staff["ks-approver"], note="Chủ tịch UBND xã Ba Trinh")


@pytest.fixture
def login(client):
    def as_user(user):
        client.logout()
        client.force_login(user)
        return client

    return as_user
