"""The documents' charts as PNG bar charts drawn with Pillow (Word shows no SVG reliably): stories per
month, and periods met and missed per kind of unit. Labels are ASCII ("T1/20", "1", "2") and digits
only: Pillow's default font has no Vietnamese letters, and the caption under the image, in the
document itself, carries the words (which kind each number stands for, which colour is which).
"""

import io
import math

from PIL import Image, ImageDraw, ImageFont

from reports.chart import nice_step

WIDTH, HEIGHT = 1600, 700
LEFT, RIGHT, TOP, BOTTOM = 110, 30, 40, 70
BAR = (31, 78, 121)
MET_BAR = (46, 125, 50)  # green: met
MISSED_BAR = (198, 40, 40)  # red: missed
AXIS = (60, 60, 60)
GRID = (220, 220, 220)
LABEL_WIDTH = 100  # pixels a month's label needs, with room either side


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # a Pillow built without FreeType has one size only
        return ImageFont.load_default()


def _ceiling(values):
    top = max(values, default=0)
    step = nice_step(top)
    return step, max(step, -(-top // step) * step)


PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
BASELINE = TOP + PLOT_HEIGHT


def _canvas(values):
    """(image, draw, ceiling) with the value axis and its grid drawn, ticks written 1.000 as in Vietnamese."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font = _font(26)
    step, ceiling = _ceiling(values)
    for tick in range(0, ceiling + 1, step):
        y = BASELINE - PLOT_HEIGHT * tick / ceiling
        draw.line([(LEFT, y), (WIDTH - RIGHT, y)], fill=GRID, width=2)
        draw.text((LEFT - 12, y), f"{tick:,}".replace(",", "."), fill=AXIS, font=font, anchor="rm")
    return image, draw, ceiling


def _png(image, draw):
    draw.line([(LEFT, BASELINE), (WIDTH - RIGHT, BASELINE)], fill=AXIS, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def stories_per_month_png(months):
    """PNG bytes of a bar per month: ``months`` is [(datetime.date first day, stories)] in order."""
    image, draw, ceiling = _canvas([value for _month, value in months])
    small = _font(20)
    plot_height, baseline = PLOT_HEIGHT, BASELINE
    band = PLOT_WIDTH / max(len(months), 1)
    label_every = max(1, math.ceil(LABEL_WIDTH / band))  # labels never overlap, however long the span
    for index, (month, value) in enumerate(months):
        x = LEFT + band * index
        height = plot_height * value / ceiling
        if value:
            draw.rectangle([x + band * 0.15, baseline - height, x + band * 0.85, baseline], fill=BAR)
        if index % label_every == 0:
            label = f"T{month.month}/{month.year % 100:02d}"
            draw.text((x + band / 2, baseline + 14), label, fill=AXIS, font=small, anchor="mt")
    return _png(image, draw)


def met_missed_png(groups):
    """PNG bytes of two bars per kind of unit, periods met (green) and missed (red): ``groups`` is
    [(met, missed)] in the order the caption numbers the kinds, labelled 1, 2, 3… under the bars."""
    image, draw, ceiling = _canvas([value for group in groups for value in group])
    font = _font(26)
    band = PLOT_WIDTH / max(len(groups), 1)
    for index, values in enumerate(groups):
        x = LEFT + band * index
        for offset, value, colour in ((0.15, values[0], MET_BAR), (0.5, values[1], MISSED_BAR)):
            if value:
                top = BASELINE - PLOT_HEIGHT * value / ceiling
                draw.rectangle([x + band * offset, top, x + band * (offset + 0.35), BASELINE], fill=colour)
        draw.text((x + band / 2, BASELINE + 14), str(index + 1), fill=AXIS, font=font, anchor="mt")
    return _png(image, draw)
