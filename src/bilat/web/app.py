"""The web app: JSON API under /api, pages, static assets; every asset served from the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from .. import __version__
from ..store.engine import open_engine
from . import api, pages, problems
from .cache import KnowledgeCache
from .knowledge import Knowledge
from .security import MAX_BODY_BYTES, MAX_FILE_BYTES, GuardMiddleware, configured_token

PLOTLY_ROUTE = "/vendor/plotly.min.js"


def plotly_js() -> Path | None:
    """plotly.js as bundled by the plotly Python package (None when it is not installed)."""
    try:
        path = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


def create_app(
    db: str | None = None,
    *,
    engine: Engine | None = None,
    token: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The app over the database at ``db`` (or ``engine``); writes need ``token``
    (default: $BILAT_TOKEN; none configured: writes are refused)."""
    app = FastAPI(
        title="bilat",
        version=__version__,
        description="Bilateral relations from Russian-language news: documents, people, events, "
        "indicators and commitments, each linked to its evidence.",
        docs_url=None,  # the swagger UI would load assets from a CDN: /docs is served locally
        redoc_url=None,
    )
    app.state.engine = engine if engine is not None else open_engine(db)
    app.state.cache = KnowledgeCache(app.state.engine)
    app.state.knowledge = Knowledge(app.state.cache)
    app.state.token = configured_token(token)
    app.state.max_file_bytes = max_file_bytes
    problems.install(app)
    app.add_middleware(GuardMiddleware, max_body=max_body_bytes)

    @app.get(PLOTLY_ROUTE, include_in_schema=False)
    def plotly_asset():
        path = plotly_js()
        if path is None:
            raise problems.Problem(404, "plotly is not installed: charts are unavailable")
        return FileResponse(path, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})  # fmt: skip

    @app.get("/healthz", include_in_schema=False)
    def health():
        return JSONResponse({"status": "ok"})

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("bilat", "static")]), name="static")
    return app
