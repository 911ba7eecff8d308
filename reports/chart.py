"""The contribution report's chart: stories per month, an inline SVG drawn on the server. This module
works out the geometry (bars, ticks, titles) from monthly totals; the template only draws it. No
queries: the totals come from the engine's results.
"""

import math

from django.utils.translation import gettext

MONTHS = range(1, 13)


def nice_step(top, ticks=5):
    """A tick step of 1, 2 or 5 times a power of ten giving at most ``ticks`` steps up to ``top``."""
    if top <= ticks:
        return 1
    magnitude = 10 ** math.floor(math.log10(top / ticks))
    for factor in (1, 2, 5, 10):
        if top / (factor * magnitude) <= ticks:
            return factor * magnitude
    return 10 * magnitude


def month_chart(year, totals, units_shown):
    """Geometry of a bar chart of ``totals`` ({month: stories}) for the template to draw."""
    width, height = 760, 300
    left, right, top, bottom = 56, 16, 28, 56
    plot_width, plot_height = width - left - right, height - top - bottom
    values = [totals.get(month, 0) for month in MONTHS]
    step = nice_step(max(values, default=0))
    ceiling = max(step, math.ceil(max(values, default=0) / step) * step)
    band = plot_width / 12
    bar_width = band * 0.6
    baseline = top + plot_height

    def y_of(value):
        return baseline - plot_height * value / ceiling

    bars = []
    for month, value in zip(MONTHS, values, strict=True):
        y = y_of(value)
        x = left + band * (month - 1) + (band - bar_width) / 2
        bars.append(
            {
                "month": month,
                "label": f"T{month}",
                "value": value,
                "x": round(x, 1),
                "y": round(y, 1),
                "width": round(bar_width, 1),
                "height": round(baseline - y, 1),
                "centre": round(x + bar_width / 2, 1),
                "value_y": round(y - 6, 1),
            }
        )
    ticks = [{"value": value, "y": round(y_of(value), 1)} for value in range(0, ceiling + 1, step)]
    summary = ", ".join(f"T{bar['month']}: {bar['value']}" for bar in bars)
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "baseline": baseline,
        "bars": bars,
        "ticks": ticks,
        "label_y": baseline + 20,
        "x_title_x": left + plot_width / 2,
        "x_title_y": height - 10,
        "y_title_x": 16,
        "y_title_y": top + plot_height / 2,
        "total": sum(values),
        "title": gettext("Stories per month, %(year)s") % {"year": year},
        "desc": gettext("Stories counted in each month of %(year)s for the %(units)s units shown: %(summary)s.")
        % {"year": year, "units": units_shown, "summary": summary},
    }
