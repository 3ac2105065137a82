"""Server-rendered pages, one module each."""

from starlette.routing import Route

from pipeline.web.pages import agency, cascade, document, overview, review, search

ROUTES = [
    Route("/", overview.overview),
    Route("/search", search.search),
    Route("/documents/{doc_id}", document.document),
    Route("/node", document.node),
    Route("/agencies/{name:path}", agency.agency),
    Route("/cascade/{symbol:path}", cascade.cascade),
    Route("/review", review.queue),
    Route("/review/{obligation_id}", review.decide, methods=["POST"]),
    Route("/login", review.login_form, methods=["GET"]),
    Route("/login", review.login, methods=["POST"]),
    Route("/logout", review.logout, methods=["POST"]),
]
