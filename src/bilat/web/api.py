"""The JSON API: documents, persons, events, indicators, commitments, pairs, search, dossier."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from ..store.queries import get_document
from . import queries
from .params import (
    DEFAULT_LIMIT,
    Limit,
    Offset,
    PairParam,
    Since,
    Until,
    page,
    parse_pair,
)
from .problems import Problem
from .security import require_token
from .upload import Upload, ingest_upload, pasted_item

router = APIRouter(prefix="/api", tags=["api"])
STATUSES = ("pending", "overdue", "fulfilled")
MAX_FILES = 20


def _k(request: Request):
    return request.app.state.knowledge


@router.get("/documents", summary="List documents, newest first")
def documents(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
              q: Annotated[str | None, Query(max_length=500, description="Full-text search.")] = None,
              pair: PairParam = None, since: Since = None, until: Until = None,
              source: Annotated[str | None, Query(max_length=200)] = None) -> dict:  # fmt: skip
    f = queries.DocFilter(q=q or None, since=since, until=until, pair=parse_pair(pair),
                          source=source or None)  # fmt: skip
    total, items = queries.list_documents(request.app.state.engine, f, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/documents/{doc_id}", summary="One document with its text and extraction record")
def document(request: Request, doc_id: str) -> dict:
    return get_document(request.app.state.engine, doc_id[:64]).as_dict()


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest uploaded files and/or pasted text (needs the write token)")  # fmt: skip
def upload_documents(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description="Article files")] = None,
    text: Annotated[str | None, Form(max_length=2_000_000)] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    published: Annotated[date | None, Form()] = None,
    source: Annotated[str | None, Form(max_length=200)] = None,
    extract: Annotated[bool, Form()] = True,
) -> JSONResponse:
    max_bytes = request.app.state.max_file_bytes
    uploads = []
    for f in (files or [])[: MAX_FILES + 1]:
        if len(uploads) == MAX_FILES:
            raise Problem(413, f"at most {MAX_FILES} files at a time")
        data = f.file.read(max_bytes + 1)  # the reader rejects it as oversized
        uploads.append(Upload(f.filename or "", data))
    pasted = None
    if text is not None and text.strip():
        pasted = pasted_item(text, title=title, published=published.isoformat() if published else None,
                             source=source)  # fmt: skip
    if not uploads and pasted is None:
        raise Problem(400, "send files (field 'files') or text (field 'text')")
    summary, read = ingest_upload(request.app.state.engine, uploads, pasted,
                                  max_bytes=max_bytes, extract=extract)  # fmt: skip
    request.app.state.cache.clear()  # the ingest refreshed the knowledge of the pairs it touched
    body = {
        "read": summary.read, "new": summary.new, "duplicates": summary.duplicates,
        "rejected": summary.rejected,
        "rejects": [{"origin": r.origin, "reason_code": r.reason_code, "reason": r.reason}
                    for r in summary.rejects],
        "extraction_failures": [{"doc": x.doc_id, "error": x.error.split(":")[0]}
                                for x in summary.extraction_failures],
        "documents": [d | {"url": f"/documents/{d['id']}"} for d in read],
    }  # fmt: skip
    status = 201 if summary.new else (422 if summary.rejected and not summary.read else 200)
    if status == 422:
        return JSONResponse(
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "every input was rejected", **body},
            status_code=422, media_type="application/problem+json",
        )  # fmt: skip
    return JSONResponse(body, status_code=status)


@router.get("/pairs", summary="Country pairs ranked by recent activity")
def pairs(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    activity = request.app.state.cache.get(("activity",),
                                           lambda: queries.country_activity(request.app.state.engine))  # fmt: skip
    return page(activity["pairs"], limit, offset) | {"countries": activity["countries"],
                                                     "newest": activity["newest"]}  # fmt: skip


@router.get("/pairs/{pair}/dossier", summary="The pair's dossier (events, series, people, ...)")
def dossier(request: Request, pair: str,
            as_of: Annotated[date | None, Query(description="Judge as of this day.")] = None,
            full: Annotated[bool, Query(description="Every row of every section (default: the newest "
                                                    "rows of each long section, with its total).")] = False) -> dict:  # fmt: skip
    return _k(request).dossier(parse_pair(pair), as_of, full)


@router.get("/persons", summary="People across documents, with role histories")
def persons(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
            pair: PairParam = None,
            q: Annotated[str | None, Query(max_length=200, description="Part of a name.")] = None,
            country: Annotated[str | None, Query(max_length=2)] = None) -> dict:  # fmt: skip
    return _k(request).persons(parse_pair(pair), q or None, country or None, limit, offset)


@router.get("/persons/{person_id}", summary="One person with roles and events")
def person(request: Request, person_id: str) -> dict:
    found = _k(request).person(person_id[:40])
    if found is None:
        raise Problem(404, f"no person with id {person_id[:40]!r}")
    return found


@router.get("/events", summary="Events, merged across reports")
def events(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
           pair: PairParam = None, since: Since = None, until: Until = None,
           type: Annotated[str | None, Query(max_length=40, description="Event type.")] = None) -> dict:  # fmt: skip
    return _k(request).events(parse_pair(pair), type or None, since, until, limit, offset)


@router.get("/indicators", summary="Indicator series, one point per period")
def indicators(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
               pair: PairParam = None,
               kind: Annotated[str | None, Query(max_length=40)] = None) -> dict:  # fmt: skip
    return _k(request).indicators(parse_pair(pair), kind or None, limit, offset)


@router.get("/commitments", summary="A pair's commitments with follow-through status")
def commitments(request: Request, pair: Annotated[str, Query(description="e.g. KZ-RS")],
                limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                status: Annotated[str | None, Query(pattern="^(pending|overdue|fulfilled)$")] = None) -> dict:  # fmt: skip
    return _k(request).commitments(parse_pair(pair), status, limit, offset)


@router.get("/search", summary="Full-text search over articles and the facts in them")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0) -> dict:  # fmt: skip
    return queries.search(request.app.state.engine, q, limit, offset)
