"""The web dashboard and JSON API (``bilat serve``): FastAPI app, pages, static assets."""
