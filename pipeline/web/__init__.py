"""Web app and HTTP API over the obligation graph (``obligraph serve``)."""

from pipeline.web.app import create_app

__all__ = ["create_app"]
