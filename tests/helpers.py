"""Small builders the test folders share: dates in the province's time, published pages, images."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage


def at(year, month, day=15, hour=10):
    """An aware datetime in the current (the province's) time zone."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


def published(page):
    """``page`` published the way editors publish (a revision, then publish), fresh from the database."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def png(name="anh.png", size=(1600, 1000), colour="green"):
    """An uploadable PNG file."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)
