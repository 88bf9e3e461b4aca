"""Errors as RFC 9457 problem details (``application/problem+json``), never stack traces."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BilatError, UsageError
from ..store.queries import UnknownDocument

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger("bilat.web")


class Problem(Exception):
    """Raised by handlers: becomes a problem response with this status, title and detail."""

    def __init__(self, status: int, detail: str, *, title: str | None = None, **extra) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.extra = extra


def problem_response(
    status: int, detail: str, *, title: str | None = None, instance: str | None = None, **extra
) -> JSONResponse:
    body = {"type": "about:blank", "title": title or HTTPStatus(status).phrase, "status": status,
            "detail": detail, **({"instance": instance} if instance else {}), **extra}  # fmt: skip
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def _validation_errors(err: RequestValidationError) -> list[dict]:
    return [
        {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
         "type": str(e.get("type", ""))}  # fmt: skip
        for e in err.errors()
    ]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem response."""

    @app.exception_handler(Problem)
    async def on_problem(request: Request, err: Problem):
        return problem_response(err.status, err.detail, title=err.title,
                                instance=request.url.path, **err.extra)  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, err: StarletteHTTPException):
        detail = err.detail if isinstance(err.detail, str) else HTTPStatus(err.status_code).phrase
        return problem_response(err.status_code, detail, instance=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, err: RequestValidationError):
        return problem_response(422, "the request's parameters are not valid",
                                instance=request.url.path, errors=_validation_errors(err))  # fmt: skip

    @app.exception_handler(UnknownDocument)
    async def on_unknown(request: Request, err: UnknownDocument):
        return problem_response(404, err.message, instance=request.url.path, code=err.code)

    @app.exception_handler(UsageError)
    async def on_usage(request: Request, err: UsageError):
        return problem_response(400, err.message, instance=request.url.path, code=err.code)

    @app.exception_handler(BilatError)
    async def on_bilat(request: Request, err: BilatError):
        log.error("request %s failed: %s", request.url.path, err)
        return problem_response(500, err.message, instance=request.url.path, code=err.code)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, err: Exception):
        log.exception("request %s failed", request.url.path)
        return problem_response(500, "the server could not answer this request",
                                instance=request.url.path)  # fmt: skip
