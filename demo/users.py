"""One demo user per role, for two units and both outlets, so newcomers can try each role."""

from django.contrib.auth import get_user_model

from units.models import Role, Unit
from units.roles import add_member

# username: (full name, role, unit slug or None for site-wide roles)
DEMO_USERS = {
    "kesach-contributor": ("Trần Thị Mỹ Linh", Role.CONTRIBUTOR, "huyen-ke-sach"),
    "kesach-approver": ("Lâm Văn Phúc", Role.APPROVER, "huyen-ke-sach"),
    "yte-contributor": ("Nguyễn Ngọc Hân", Role.CONTRIBUTOR, "so-y-te"),
    "yte-approver": ("Thạch Sô Phan", Role.APPROVER, "so-y-te"),
    "board": ("Huỳnh Thanh Tâm", Role.BOARD, None),
    "baost-reporter": ("Lý Minh Khoa", Role.OUTLET_REPORTER, "bao-soc-trang"),
    "baost-editor": ("Phạm Thu Trang", Role.OUTLET_EDITOR, "bao-soc-trang"),
    "dai-reporter": ("Sơn Thị Chanh Thu", Role.OUTLET_REPORTER, "dai-phat-thanh-va-truyen-hinh-soc-trang"),
    "dai-editor": ("Kim Ngọc Thạch", Role.OUTLET_EDITOR, "dai-phat-thanh-va-truyen-hinh-soc-trang"),
    "translator-km": ("Danh Sóc Khum", Role.TRANSLATOR_KM, None),
    "translator-en": ("Võ Hoàng Anh", Role.TRANSLATOR_EN, None),
}


def ensure_demo_users():
    """Create the demo users (without usable passwords) and their memberships; returns them by username."""
    User = get_user_model()
    users = {}
    for username, (full_name, role, unit_slug) in DEMO_USERS.items():
        # The whole name in first_name keeps the Vietnamese order (see units.staff_import).
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name, "last_name": "", "email": f"{username}@example.invalid"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        add_member(user, role, Unit.objects.get(slug=unit_slug) if unit_slug else None)
        users[username] = user
    return users
