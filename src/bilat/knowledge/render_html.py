"""The pair dossier as one self-contained HTML page (inline CSS and SVG charts, no external assets)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import escape

from .names import country_name
from .render_md import money, more, totals

CHART_W, CHART_H, PAD = 640, 180, 36


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("bilat", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["money"] = money
    env.globals["num"] = lambda n: f"{n:,}"
    env.globals["more"] = more
    return env


def bar_chart(series: dict) -> str:
    """An SVG bar chart of a series, periods on the axis; derived points drawn lighter."""
    points = series["points"]
    if not points:
        return ""
    top = max(p["value"] for p in points) or 1
    width = (CHART_W - 2 * PAD) / len(points)
    bars = []
    for i, p in enumerate(points):
        h = (CHART_H - 2 * PAD) * p["value"] / top
        x = PAD + i * width + width * 0.15
        y = CHART_H - PAD - h
        fill = "#9fb3c8" if p["derived_from"] else "#1f3b5b"
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width * 0.7:.1f}" height="{h:.1f}" fill="{fill}">'
            f"<title>{escape(p['period'])}: {escape(money(p['value'], p['unit']))}</title></rect>"
            f'<text x="{x + width * 0.35:.1f}" y="{CHART_H - PAD + 14}" text-anchor="middle">{escape(p["period"])}</text>'
            f'<text x="{x + width * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle">{escape(money(p["value"], p["unit"]))}</text>'
        )
    return (
        f'<svg width="{CHART_W}" height="{CHART_H}" role="img" aria-label="indicator chart">'
        f'<line x1="{PAD}" y1="{CHART_H - PAD}" x2="{CHART_W - PAD}" y2="{CHART_H - PAD}" stroke="#9aa5b1"/>'
        + "".join(bars)
        + "</svg>"
    )


def render_html(d: dict) -> str:
    a, b = d["pair"]
    months = sorted({m for periods in d["sectors"].values() for m in periods})
    max_sector = max((n for periods in d["sectors"].values() for n in periods.values()), default=1)
    return _env().get_template("dossier.html").render(
        d=d,
        title=f"{country_name(a)} – {country_name(b)}",
        charts=[bar_chart(s) for s in d["indicators"]],
        months=months,
        max_sector=max_sector,
        label=lambda doc: d.get("doc_names", {}).get(doc) or doc,
        total=totals(d),
        pair=f"{a}-{b}",
    )
