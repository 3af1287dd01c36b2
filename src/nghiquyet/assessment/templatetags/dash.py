"""Sparklines as inline SVG: no script, prints cleanly, light on slow links."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def sparkline(values: list[float | None], target: Any = None, width: int = 96,
              height: int = 28) -> str:
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(points) < 1:
        return ""
    ys = [v for _, v in points]
    if target is not None:
        ys.append(float(target))
    low, high = min(ys), max(ys)
    span = (high - low) or 1.0
    step = width / max(len(values) - 1, 1)

    def xy(i: int, v: float) -> str:
        return f"{i * step:.1f},{height - 3 - (v - low) / span * (height - 6):.1f}"

    line = " ".join(xy(i, v) for i, v in points)
    goal = ""
    if target is not None:
        y = height - 3 - (float(target) - low) / span * (height - 6)
        goal = f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="spark-goal"/>'
    last_x, last_y = xy(*points[-1]).split(",")
    return format_html(
        '<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-hidden="true">{goal}<polyline points="{line}" class="spark-line"/>'
        '<circle cx="{cx}" cy="{cy}" r="2.5" class="spark-dot"/></svg>',
        w=width, h=height, goal=mark_safe(goal),  # noqa: S308 - built from numbers only
        line=line, cx=last_x, cy=last_y,
    )


@register.filter
def spark_values(assessed: Any, years: list[int]) -> list[float | None]:
    return assessed.sparkline(years)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def spark_goal(assessed: Any) -> Any:
    """The target line only where the series and the target share a unit."""
    target = assessed.target
    return target.value if target.kind == "level" else None
