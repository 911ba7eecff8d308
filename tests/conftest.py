import pytest
from django.core.management import call_command


@pytest.fixture
def newsroom(db):
    """The newsroom as `setup_newsroom` leaves it: locales, page tree, units, sections."""
    call_command("setup_newsroom", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("board-admin", "board@example.invalid", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
