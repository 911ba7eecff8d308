"""The user's devices in django-otp's tables: one TOTP device (the authenticator app on a phone)
and one static device holding the recovery codes, each code good once."""

import base64
import re

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
PENDING = "pending"
PHONE = "phone"
RECOVERY = "recovery"
TOTP_CODE = re.compile(r"^\d{6}$")


def pending_device(user):
    """The TOTP device being set up: its secret is shown until a code from it confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=PENDING).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=PENDING)


def secret_of(device):
    """The secret as authenticator apps ask for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The otpauth:// URL as an inline SVG QR code: drawn here, never by an outside service."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    # A string without the XML declaration, which has no place inside an HTML page.
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm(device):
    """Make ``device`` the user's only phone and give them new recovery codes (returned)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = PHONE
    device.save()
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes (the old ones stop working) and return the new ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(code):
    return re.sub(r"[\s-]", "", code).lower()


def device_accepting(user, code):
    """The device ``code`` proves, or None. Six digits go to the phone, anything else to the
    recovery codes, so that a typo never counts against the other device's throttling."""
    code = normalise(code)
    model = TOTPDevice if TOTP_CODE.match(code) else StaticDevice
    with transaction.atomic():
        for device in model.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
    return None


@transaction.atomic
def forget(user):
    """Remove the user's second factor (a lost phone): they enrol again at their next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
