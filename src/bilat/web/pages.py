"""Server-rendered pages (Jinja2, autoescaped) over the same data as the API."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from ..knowledge.dossier import DOSSIER_CAPS
from ..knowledge.names import country_name
from ..knowledge.render_md import money
from ..store.queries import get_document
from . import charts, queries
from .highlight import fact_list, parse_key, record_spans, segments
from .params import Limit, Offset, PairParam, Since, Until, parse_pair
from .problems import Problem

router = APIRouter(include_in_schema=False)
HOME_PAIRS = 30
NETWORK_PAIRS = 60
STATUS_COLUMNS = ("overdue", "pending", "fulfilled")
# The pair page shows the capped dossier that ``bilat dossier`` prints (one set of caps, read in
# SQL): the newest rows of each long list with the list's total; the full lists are paged (links
# on the page).
PAIR_PAGE_EVENTS = DOSSIER_CAPS.events
PAIR_PAGE_CARDS = DOSSIER_CAPS.commitments  # commitments per status column
PAIR_PAGE_SOURCES = DOSSIER_CAPS.sources
PAIR_PAGE_PERSONS = DOSSIER_CAPS.persons
EVENT_REPORTS_SHOWN = DOSSIER_CAPS.event_reports  # reports quoted per event


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("bilat", "templates"),
                      autoescape=select_autoescape(["html"], default=True))  # fmt: skip
    env.globals.update(country_name=country_name, money=money, ev_link=charts.evidence_link)
    return env


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    html = environment().get_template(f"web/{name}").render(**context)
    return HTMLResponse(html, status_code=status)


def _activity(request: Request) -> dict:
    engine = request.app.state.engine
    return request.app.state.cache.get(("activity",), lambda: queries.country_activity(engine))


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    activity = _activity(request)
    network = {"countries": activity["countries"], "pairs": activity["pairs"][:NETWORK_PAIRS]}
    return render("home.html", activity=activity, pairs=activity["pairs"][:HOME_PAIRS],
                  network=network)  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                limit: Limit = 20, offset: Offset = 0):  # fmt: skip
    result = queries.search(request.app.state.engine, q, limit, offset) if q.strip() else None
    return render("search.html", q=q, result=result)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, limit: Limit = 50, offset: Offset = 0,
                   q: Annotated[str, Query(max_length=500)] = "", pair: PairParam = None,
                   since: Since = None, until: Until = None):  # fmt: skip
    f = queries.DocFilter(q=q or None, since=since, until=until, pair=parse_pair(pair))
    total, items = queries.list_documents(request.app.state.engine, f, limit, offset)
    return render("documents.html", total=total, items=items, limit=limit, offset=offset,
                  q=q, pair=pair or "", since=since, until=until)  # fmt: skip


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str,
                  hl: Annotated[str | None, Query(max_length=40)] = None):  # fmt: skip
    doc = get_document(request.app.state.engine, doc_id[:64])
    spans = record_spans(doc.record, len(doc.text))
    requested = parse_key(hl, len(doc.text))
    if requested:
        spans.append(requested)
    people = request.app.state.knowledge.document_people(doc.id)
    return render("document.html", doc=doc, segments=segments(doc.text, spans),
                  facts=fact_list(doc.record), record=doc.record or {}, people=people)  # fmt: skip


def _heatmap(sectors: dict[str, dict[str, int]]) -> dict:
    months = sorted({m for periods in sectors.values() for m in periods})
    top = max((n for periods in sectors.values() for n in periods.values()), default=1)
    rows = [{"sector": s, "cells": [{"n": periods.get(m, 0),
                                     "alpha": round(periods.get(m, 0) / top, 2)} for m in months]}
            for s, periods in sectors.items()]  # fmt: skip
    return {"months": months, "rows": rows}


@router.get("/pairs/{pair}", response_class=HTMLResponse)
def pair_page(request: Request, pair: str,
              as_of: Annotated[date | None, Query()] = None):  # fmt: skip
    codes = parse_pair(pair)
    d = request.app.state.knowledge.dossier(codes, as_of)
    if not d["documents"]:
        raise Problem(404, f"no extracted documents about {codes[0]}-{codes[1]}")
    board = {s: [c for c in d["commitments"] if c["status"] == s] for s in STATUS_COLUMNS}
    figures = {"timeline": charts.timeline_figure(d["events"])}
    for n, series in enumerate(d["indicators"]):
        figures[f"series-{n}"] = charts.series_figure(series)
    newest_events = sorted(d["events"], key=lambda e: e["date"] or "", reverse=True)  # undated last
    shown = {"events": newest_events[:PAIR_PAGE_EVENTS], "sources": d["sources"][-PAIR_PAGE_SOURCES:][::-1],
             "cards": PAIR_PAGE_CARDS, "reports": EVENT_REPORTS_SHOWN, "persons": PAIR_PAGE_PERSONS}  # fmt: skip
    return render("pair.html", d=d, codes=codes, board=board, heat=_heatmap(d["sectors"]),
                  shown=shown, figures={k: v for k, v in figures.items() if v})  # fmt: skip


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: str):
    person = request.app.state.knowledge.person(person_id[:40])
    if person is None:
        raise Problem(404, f"no person with id {person_id[:40]!r}")
    figure = charts.roles_figure(person)
    return render("person.html", p=person, events=person["events"],
                  figures={"roles": figure} if figure else {})  # fmt: skip


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    return render("upload.html", writable=bool(request.app.state.token),
                  max_file_bytes=request.app.state.max_file_bytes)  # fmt: skip


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]  # fmt: skip
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params, "body": "requestBody" in op})  # fmt: skip
    return render("api_docs.html", ops=ops, title=spec["info"]["title"],
                  version=spec["info"]["version"])  # fmt: skip
