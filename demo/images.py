"""Demo pictures and sound, made locally: Pillow draws simple scenes, ``wave`` writes a short tone.

Each motif has two variants (morning and late-afternoon light), so 15 motifs give 30 images.
Images and media are looked up by title, so a second run reuses them.
"""

import io
import math
import random
import struct
import wave

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

from core.text import fold

WIDTH, HEIGHT = 1200, 800
FONT_FILES = ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# motif -> (caption, alt text of variant 1, alt text of variant 2)
MOTIFS = {
    "rice": ("Cánh đồng lúa - tôm", "Cánh đồng lúa xanh dưới bầu trời buổi sáng", "Ruộng lúa chín vàng lúc chiều"),
    "cooperative": (
        "Hợp tác xã nông nghiệp",
        "Kho lúa của hợp tác xã bên cánh đồng",
        "Bao lúa xếp trước kho hợp tác xã",
    ),
    "market": ("Đặc sản Sóc Trăng", "Sạp hàng bánh pía và đặc sản địa phương", "Gian hàng đặc sản dưới mái che sọc"),
    "road": (
        "Đường quê nông thôn mới",
        "Con đường bê tông giữa hai hàng cây xanh",
        "Đường nông thôn mới có hoa hai bên",
    ),
    "orchard": ("Vườn cây ăn trái", "Vườn cây trĩu quả bên bờ kênh", "Hàng cây ăn trái lúc hoàng hôn"),
    "shrimp": ("Ao nuôi tôm ven biển", "Ao nuôi tôm có quạt nước", "Dãy ao tôm ven biển lúc chiều"),
    "lab": (
        "Khoa học về với đồng ruộng",
        "Ống nghiệm và mạ non trong phòng thí nghiệm",
        "Khay mạ thí nghiệm giống lúa",
    ),
    "volunteer": (
        "Việc tốt giữa đời thường",
        "Những người tình nguyện trao quà cho bà con",
        "Nhóm tình nguyện viên trên đường quê",
    ),
    "school": ("Dạy tốt - học tốt", "Lớp học với bảng đen và bàn ghế", "Mái trường bên hàng cây"),
    "clinic": ("Y đức", "Trạm y tế với dấu chữ thập đỏ", "Bác sĩ trước cổng trung tâm y tế"),
    "pagoda": ("Văn hóa Khmer Nam Bộ", "Mái chùa Khmer nhiều tầng màu vàng", "Ngôi chùa Khmer lúc hoàng hôn"),
    "meeting": ("Sinh hoạt chi bộ", "Buổi họp dưới cờ đỏ sao vàng", "Hội trường với bục phát biểu"),
    "police": ("Bình yên thôn xóm", "Chiến sĩ công an tuần tra trên đường làng", "Trụ sở công an xã"),
    "river": ("Sông Hậu", "Ghe xuồng trên sông Hậu", "Dòng sông lúc chiều tà"),
    "hall": ("Tôn vinh điển hình tiên tiến", "Hội nghị biểu dương điển hình tiên tiến", "Sân khấu hội nghị tôn vinh"),
}

SKIES = {1: ((140, 195, 235), (235, 240, 215)), 2: ((245, 170, 95), (250, 225, 170))}
GREEN, DARK_GREEN, WATER = (70, 150, 60), (30, 95, 40), (70, 130, 170)


def _font(size=40):
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size), True
        except OSError:
            continue
    # Pillow's own font has no Vietnamese letters: captions then go without diacritics.
    return ImageFont.load_default(size=size), False


def _gradient(top, bottom, height=HEIGHT):
    column = PILImage.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel((0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((WIDTH, height))


def _ground(draw, horizon, colour):
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=colour)


def _scene(motif, variant, rng):
    image = _gradient(*SKIES[variant])
    draw = ImageDraw.Draw(image)
    sun_x = 950 if variant == 1 else 260
    draw.ellipse([sun_x, 80, sun_x + 110, 190], fill=(255, 230, 120))
    horizon = 420
    if motif in ("rice", "cooperative", "lab"):
        _ground(draw, horizon, GREEN if variant == 1 else (205, 175, 60))
        for x in range(-600, WIDTH + 600, 60):
            draw.line([(WIDTH // 2, horizon), (x, HEIGHT)], fill=DARK_GREEN, width=3)
    elif motif in ("shrimp", "river"):
        _ground(draw, horizon, WATER)
        for y in range(horizon + 30, HEIGHT, 45):
            draw.arc([rng.randint(-200, 0), y, WIDTH + 200, y + 60], 180, 360, fill=(200, 225, 240), width=3)
    else:
        _ground(draw, horizon, (110, 170, 90))
    if motif == "cooperative":
        draw.rectangle([150, 300, 520, 470], fill=(200, 80, 60))
        draw.polygon([(130, 300), (335, 200), (540, 300)], fill=(120, 50, 40))
        for i in range(6):
            draw.rectangle([600 + i * 70, 440, 660 + i * 70, 500], fill=(235, 225, 200), outline=(150, 130, 100))
    elif motif == "lab":
        for i in range(5):
            x = 180 + i * 190
            draw.polygon([(x, 560), (x + 50, 420), (x + 100, 560)], fill=(210, 235, 250), outline=(60, 90, 120))
            draw.rectangle([x + 35, 380, x + 65, 420], fill=(210, 235, 250), outline=(60, 90, 120))
    elif motif == "shrimp":
        for i in range(4):
            x = 100 + i * 280
            draw.line([(x, 520), (x + 160, 520)], fill=(90, 80, 60), width=8)
            for k in range(4):
                draw.ellipse([x + k * 40, 500, x + k * 40 + 30, 540], fill=(245, 245, 245))
    elif motif == "river":
        for i in range(3):
            x, y = 150 + i * 330, 500 + i * 60
            draw.polygon([(x, y), (x + 220, y), (x + 180, y + 40), (x + 40, y + 40)], fill=(90, 55, 35))
    elif motif == "orchard":
        for i in range(7):
            x = 60 + i * 165
            draw.rectangle([x + 55, 420, x + 75, 560], fill=(110, 70, 40))
            draw.ellipse([x, 280, x + 130, 450], fill=DARK_GREEN)
            for _ in range(6):
                fx, fy = x + rng.randint(15, 110), rng.randint(300, 420)
                draw.ellipse([fx, fy, fx + 18, fy + 18], fill=(240, 170, 40))
    elif motif == "road":
        draw.polygon([(560, horizon), (640, horizon), (950, HEIGHT), (250, HEIGHT)], fill=(185, 185, 180))
        for _ in range(40):
            x, y = rng.choice([rng.randint(0, 300), rng.randint(900, WIDTH)]), rng.randint(horizon + 20, HEIGHT)
            draw.ellipse([x, y, x + 16, y + 16], fill=rng.choice([(230, 60, 90), (250, 200, 40), (250, 250, 250)]))
    elif motif in ("school", "clinic", "police"):
        wall = {"school": (245, 215, 120), "clinic": (245, 245, 245), "police": (230, 215, 150)}[motif]
        draw.rectangle([250, 260, 950, 560], fill=wall, outline=(120, 100, 80), width=3)
        draw.polygon([(220, 260), (600, 150), (980, 260)], fill=(190, 70, 50))
        for i in range(5):
            draw.rectangle([300 + i * 130, 340, 370 + i * 130, 430], fill=(120, 170, 210))
        if motif == "clinic":
            draw.rectangle([570, 180, 630, 250], fill=(220, 30, 40))
            draw.rectangle([545, 205, 655, 225], fill=(220, 30, 40))
        if motif == "school":
            draw.rectangle([560, 470, 640, 560], fill=(40, 90, 60))
    elif motif == "pagoda":
        gold, red = (235, 180, 40), (190, 60, 40)
        draw.rectangle([380, 380, 820, 560], fill=(245, 225, 170))
        for i, (w, y) in enumerate([(520, 380), (400, 300), (280, 220)]):
            draw.polygon([(600 - w // 2, y), (600, y - 110), (600 + w // 2, y)], fill=gold if i % 2 else red)
        draw.line([(600, 110), (600, 40)], fill=gold, width=8)
    elif motif == "meeting":
        draw.rectangle([0, 0, WIDTH, 560], fill=(240, 228, 200))
        draw.rectangle([430, 60, 770, 280], fill=(200, 30, 35))
        _star(draw, 600, 170, 70, (250, 215, 40))
        for i in range(7):
            x = 160 + i * 130
            draw.ellipse([x, 370, x + 60, 430], fill=(225, 185, 150))
            draw.rectangle([x - 5, 430, x + 65, 500], fill=(250, 250, 250))
        draw.rectangle([100, 480, 1100, 600], fill=(120, 75, 40))
    elif motif == "hall":
        draw.rectangle([0, 0, WIDTH, 520], fill=(175, 25, 30))
        _star(draw, 600, 200, 90, (250, 215, 40))
        draw.rectangle([480, 420, 720, 560], fill=(140, 90, 50))
        for row in range(3):
            for col in range(14):
                x, y = 30 + col * 85, 600 + row * 60
                draw.ellipse([x, y, x + 40, y + 40], fill=(50, 40, 35))
    elif motif in ("volunteer", "market"):
        if motif == "market":
            for i in range(8):
                colour = (30, 120, 200) if i % 2 else (250, 250, 250)
                draw.rectangle([100 + i * 125, 300, 225 + i * 125, 360], fill=colour)
            draw.rectangle([100, 360, 1100, 560], fill=(200, 150, 90))
        for i in range(6):
            x = 150 + i * 160
            shirt = (40, 150, 70) if motif == "volunteer" else (230, 120, 40)
            draw.ellipse([x, 430, x + 60, 490], fill=(225, 185, 150))
            draw.rectangle([x - 10, 490, x + 70, 620], fill=shirt)
    return image


def _star(draw, cx, cy, r, colour):
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=colour)


def draw_picture(motif, variant):
    """JPEG bytes of a 1200x800 scene for ``motif`` with its caption drawn at the bottom."""
    rng = random.Random(f"2019:{motif}:{variant}")
    image = _scene(motif, variant, rng)
    overlay = PILImage.new("RGBA", image.size)
    ImageDraw.Draw(overlay).rectangle([0, HEIGHT - 110, WIDTH, HEIGHT], fill=(0, 0, 0, 150))
    image = PILImage.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    font, has_diacritics = _font(40)
    caption = MOTIFS[motif][0] if has_diacritics else fold(MOTIFS[motif][0])
    ImageDraw.Draw(image).text((40, HEIGHT - 80), caption, font=font, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def image_key(motif, variant):
    return f"{motif}-{variant}"


def image_alts():
    """Image key -> alt text, for every demo image."""
    return {image_key(motif, variant): MOTIFS[motif][variant] for motif in MOTIFS for variant in (1, 2)}


def ensure_images(tally):
    """The demo images, by key; created in the root collection when missing (looked up by title)."""
    Image = get_image_model()
    root = Collection.get_first_root_node()
    images = {}
    for number, (motif, (caption, *alts)) in enumerate(MOTIFS.items(), start=1):
        for variant in (1, 2):
            title = f"{caption} ({variant})"
            image = Image.objects.filter(title=title, collection=root).first()
            if image is None:
                data = draw_picture(motif, variant)
                name = f"demo-{number:02d}-{variant}.jpg"
                image = Image(title=title, description=alts[variant - 1], collection=root)
                image.file = ImageFile(io.BytesIO(data), name=name)
                image.save()
                tally.record("images", "created")
            else:
                tally.record("images", "unchanged")
            images[image_key(motif, variant)] = image
    return images


def wav_bytes(seconds=3, frequency=440, rate=8000):
    """A mono 16-bit WAV of a soft tone that fades in and out."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        frames = bytearray()
        total = int(seconds * rate)
        for i in range(total):
            envelope = min(1.0, i / (rate * 0.3), (total - i) / (rate * 0.3))
            frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * frequency * i / rate)))
        wav.writeframes(bytes(frames))
    return out.getvalue()


def ensure_audio(title, frequency, tally):
    """A short wagtailmedia audio file titled ``title`` (created if missing)."""
    Media = get_media_model()
    media = Media.objects.filter(title=title, type="audio").first()
    if media is None:
        media = Media(title=title, type="audio", duration=3, collection=Collection.get_first_root_node())
        media.file = ContentFile(wav_bytes(frequency=frequency), name=f"demo-{frequency}.wav")
        media.save()
        tally.record("audio files", "created")
    else:
        tally.record("audio files", "unchanged")
    return media
