"""Plotly figure specs (plain dicts) for the pages; static/charts.js draws them.

Each point carries the link to its evidence in ``customdata`` so a click opens the document
scrolled to the sentence.
"""

from __future__ import annotations

from ..knowledge.names import country_name
from ..knowledge.render_md import money

PRIMARY = "#1f3b5b"
DERIVED = "#9fb3c8"
FONT = {"family": "system-ui, sans-serif", "size": 12, "color": "#1d2430"}


def evidence_link(doc: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return f"/documents/{doc}"
    return f"/documents/{doc}?hl={start}-{end}#ev-{start}-{end}"


def _layout(**extra) -> dict:
    return {"margin": {"l": 60, "r": 16, "t": 28, "b": 48}, "font": FONT, "height": 260,
            "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff", **extra}  # fmt: skip


def series_figure(series: dict) -> dict:
    """A bar per period (periods on the category axis); derived points lighter."""
    points = series["points"]
    periods = [p["period"] for p in points]
    title = f"{series['kind']} · {series['scope']} · {'–'.join(series['countries'])} ({series['unit']})"
    links, texts = [], []
    for p in points:
        src = p["sources"][0] if p["sources"] else None
        links.append(evidence_link(src["doc"], src["start"], src["end"]) if src else "")
        note = f"derived from {p['derived_from']}" if p["derived_from"] else f"{len(p['sources'])} source(s)"
        texts.append(f"{money(p['value'], p['unit'])} · {note}")
    return {
        "data": [{
            "type": "bar", "x": periods, "y": [p["value"] for p in points],
            "marker": {"color": [DERIVED if p["derived_from"] else PRIMARY for p in points]},
            "customdata": links, "hovertext": texts, "hoverinfo": "x+text",
        }],
        "layout": _layout(title={"text": title, "font": {"size": 13}},
                          xaxis={"type": "category", "title": {"text": "period"}},
                          yaxis={"title": {"text": series["unit"]}}),
    }  # fmt: skip


def timeline_figure(events: list[dict]) -> dict | None:
    """Dated events as points on a time axis, one row per event type."""
    dated = [e for e in events if e.get("date")]
    if not dated:
        return None
    x = [_axis_day(e["date"]) for e in dated]
    links = [evidence_link(e["sources"][0]["doc"], e["sources"][0]["start"], e["sources"][0]["end"])
             for e in dated]  # fmt: skip
    hover = [f"{e['date']} {e['type']}{' in ' + e['place'] if e.get('place') else ''}"
             f" · {e.get('reports', len(e['sources']))} report(s)" for e in dated]  # fmt: skip
    types = sorted({e["type"] for e in dated})
    return {
        "data": [{
            "type": "scatter", "mode": "markers", "x": x, "y": [e["type"] for e in dated],
            "marker": {"size": [8 + 3 * min(len(e["sources"]), 6) for e in dated], "color": PRIMARY,
                       "opacity": 0.8},
            "customdata": links, "hovertext": hover, "hoverinfo": "text",
        }],
        "layout": _layout(height=max(200, 60 + 28 * len(types)),
                          margin={"l": 140, "r": 16, "t": 16, "b": 40},
                          xaxis={"type": "date", "title": {"text": "date"}},
                          yaxis={"type": "category", "categoryorder": "array",
                                 "categoryarray": types}),
    }  # fmt: skip


def _axis_day(day: str) -> str:
    """A record date (YYYY, YYYY-MM or YYYY-MM-DD) as a day the date axis accepts."""
    if len(day) == 4:
        return f"{day}-07-01"
    if len(day) == 7:
        return f"{day}-15"
    return day[:10]


def roles_figure(person: dict) -> dict | None:
    """A person's roles as bars from first to last report."""
    spells = [r for r in person["roles"] if r.get("first_seen")]
    if not spells:
        return None
    labels = [" · ".join(filter(None, [r["role"], r.get("organization"),
                                        country_name(r["country"]) if r.get("country") else None]))
              for r in spells]  # fmt: skip
    data = []
    for label, r in zip(labels, spells, strict=True):
        data.append({
            "type": "scatter", "mode": "lines+markers", "name": label,
            "x": [r["first_seen"], r["last_seen"] or r["first_seen"]], "y": [label, label],
            "line": {"width": 10, "color": PRIMARY}, "marker": {"size": 12, "color": PRIMARY},
            "customdata": [f"/documents/{r['sources'][0]}"] * 2 if r["sources"] else ["", ""],
            "hoverinfo": "x+y",
        })  # fmt: skip
    return {"data": data,
            "layout": _layout(height=max(160, 60 + 40 * len(spells)), showlegend=False,
                              margin={"l": 260, "r": 16, "t": 16, "b": 40},
                              xaxis={"type": "date"}, yaxis={"type": "category"})}  # fmt: skip
