"""Merged events as event data: GDELT-like CAMEO TSV and PLOVER JSON.

One row per merged event and country pair (a dyad; actors in code order, as the news rarely
makes the direction plain). CAMEO root, quad class and Goldstein score come from
``data/event_codes.json``; actor codes are ISO 3166 alpha-3, as CAMEO country codes are.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pycountry
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..datafiles import read_json
from ..store import kb_schema as k
from ..store import schema as s

CAMEO_COLUMNS = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "DateText",
    "Actor1CountryCode", "Actor2CountryCode", "Actor1Geo_CountryCode", "Actor2Geo_CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName",
    "SOURCEURL", "Quote", "DocId", "EventType", "PloverType", "PloverMode",
)  # fmt: skip


@cache
def event_codes() -> dict[str, dict]:
    raw = read_json("event_codes.json")
    return {name: v for name, v in raw.items() if not name.startswith("_")}


@cache
def goldstein_by_code() -> dict[str, float]:
    """Goldstein score of a CAMEO code: that of the event type whose default code it is."""
    return {v["cameo"][0]: v["goldstein"] for v in event_codes().values() if v.get("cameo")}


@cache
def alpha3(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else code


def merged_events(engine: Engine) -> list[dict]:
    """Every merged event with its sources (document id, url, outlet, quote), by pair and date."""
    e, src, d = k.kb_events, k.kb_event_sources, s.documents
    with engine.connect() as conn:
        events = [dict(r) for r in conn.execute(sa.select(e).order_by(e.c.pair, e.c.date, e.c.id)).mappings()]
        query = (
            sa.select(src.c.pair, src.c.event_id, src.c.doc_id, src.c.quote, d.c.url, d.c.source, d.c.name)
            .join(d, d.c.id == src.c.doc_id)
            .order_by(src.c.pair, src.c.event_id, src.c.n)
        )
        sources: dict[tuple, list[dict]] = {}
        for r in conn.execute(query).mappings():
            sources.setdefault((r["pair"], r["event_id"]), []).append(dict(r))
    for ev in events:
        ev["sources"] = sources.get((ev["pair"], ev["id"]), [])
    return events


def _day_fields(when: str | None) -> tuple[str, str, str]:
    if not when or len(when) < 4 or not when[:4].isdigit():
        return "", "", ""
    day = when[:10].replace("-", "") if len(when) >= 10 and when[4] == "-" else ""
    month = when[:7].replace("-", "") if len(when) >= 7 and when[5:7].isdigit() else ""
    return day, month, when[:4]


def cameo_rows(events: list[dict]) -> list[dict]:
    rows = []
    for ev in events:
        a, b = ev["pair"].split("-")
        info = event_codes().get(ev["type"], {})
        code = ev["cameo"] or (info.get("cameo") or [""])[0]
        first = ev["sources"][0] if ev["sources"] else {}
        day, month, year = _day_fields(ev["date"])
        rows.append({
            "GlobalEventID": ev["id"], "SQLDATE": day, "MonthYear": month, "Year": year,
            "DateText": ev["date"] or "", "Actor1CountryCode": alpha3(a), "Actor2CountryCode": alpha3(b),
            "Actor1Geo_CountryCode": a, "Actor2Geo_CountryCode": b,
            "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": info.get("root", code[:2]),
            "QuadClass": info.get("quad_class", ""), "GoldsteinScale": goldstein_by_code().get(code, info.get("goldstein", "")),
            "NumMentions": ev["reports"], "NumSources": len({x["source"] or x["doc_id"] for x in ev["sources"]}),
            "NumArticles": len({x["doc_id"] for x in ev["sources"]}), "ActionGeo_FullName": ev["place"] or "",
            "SOURCEURL": first.get("url") or "", "Quote": " ".join((first.get("quote") or "").split()),
            "DocId": first.get("doc_id", ""), "EventType": ev["type"], "PloverType": ev["plover"] or "",
            "PloverMode": info.get("plover_mode", ""),
        })  # fmt: skip
    return rows


def write_cameo_tsv(events: list[dict], path: Path) -> int:
    rows = cameo_rows(events)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CAMEO_COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def plover_records(events: list[dict]) -> list[dict]:
    """Events in the PLOVER/POLECAT style: event type and mode, actors, date, location, sources."""
    out = []
    for ev in events:
        a, b = ev["pair"].split("-")
        info = event_codes().get(ev["type"], {})
        out.append({
            "event_id": ev["id"], "event_date": ev["date"], "event_type": ev["plover"] or info.get("plover"),
            "event_mode": info.get("plover_mode"), "event_text": ev["type"],
            "actor": {"country": alpha3(a), "names": [p for p in ev["persons"]]},
            "recipient": {"country": alpha3(b)},
            "location": {"name": ev["place"]} if ev["place"] else None,
            "cameo": ev["cameo"], "goldstein": goldstein_by_code().get(ev["cameo"] or "", info.get("goldstein")), "quad_class": info.get("quad_class"),
            "num_reports": ev["reports"],
            "sources": [{"doc_id": x["doc_id"], "url": x["url"], "outlet": x["source"], "quote": x["quote"]}
                        for x in ev["sources"]],
        })  # fmt: skip
    return out


def write_plover_json(events: list[dict], path: Path) -> int:
    records = plover_records(events)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(records)
