"""The app's pages as Datasette routes: ``/{database}/-/{page}``, and the same page's data at
``/{database}/-/{page}.json``. Every page's state is in its query string, so a URL can be
shared.

Each request opens the store read-only in a worker thread (``Store(read_only=True)``), asks
``queries``, and renders a template under ``templates/`` through Datasette's Jinja2
environment, whose autoescape escapes every title, name and sentence; the only markup built
here is the comparison and the charts, which escape what they are given themselves. A link to
an article's own page is kept only when its URL is http or https.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from datasette import NotFound, Response
from markupsafe import Markup

from storydiff.compare.languages import coverage_notes
from storydiff.errors import StorydiffError
from storydiff.model import SCHEMA, Analysis
from storydiff.render.charts import line_chart
from storydiff.render.common import VOICE_LABELS
from storydiff.render.trends import period_start, render_trend, timeline
from storydiff.report import Report
from storydiff.store import Store
from storydiff.store.aliases import find_actor
from storydiff.store.schema import VERSION
from storydiff.store.trends import PERIODS, SUBJECTS, Trend, counted_span, trend
from storydiff.web import queries
from storydiff.web.queries import EVIDENCE_KINDS, EvidenceQuery, StoryFilters
from storydiff.web.window import Window, window, windowed, within

PAGES = ("stories", "story", "outlet", "actor", "labels", "trends", "evidence")
# Styles and scripts only from the app itself; no frame, plugin or other site.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
VOICES = tuple(VOICE_LABELS)
_ERROR = "storydiff_error.html"
COMPARISONS_KEPT = 64
_COMPARED: OrderedDict[tuple[Any, ...], _Compared] = OrderedDict()
_COMPARED_LOCK = threading.Lock()


def routes() -> list[tuple[str, Callable[..., Any]]]:
    return [
        (rf"^/(?P<database>[^/.]+)/-/(?P<page>{'|'.join(PAGES)})(?P<format>\.json)?$", page_view)
    ]


async def page_view(datasette: Any, request: Any) -> Any:
    database = request.url_vars["database"]
    page = request.url_vars["page"]
    as_json = bool(request.url_vars.get("format"))
    path = await _store_path(datasette, database)
    args = {key: request.args.get(key) for key in request.args}
    context = Links(database, args, page)
    template = f"storydiff_{page}.html"
    try:
        view, status = await asyncio.to_thread(_run_view, page, path, args, context)
    except StorydiffError as error:
        # A question the store cannot answer (an unknown actor, a bad choice): its coded
        # message, on a page that still links everywhere else (on the trends page, above its
        # form as it was filled in, to correct).
        view, status = {"error": str(error), "code": error.code.name}, 400
        if page == "trends":
            view = {**_trend_form(args), **view}
        else:
            template = _ERROR
    except PageError as error:
        view, status, template = {"error": str(error)}, error.status, _ERROR
    if as_json:
        return Response.json({"schema": SCHEMA, "page": page, **_plain(view)}, status=status)
    html = await datasette.render_template(
        template,
        {**view, "links": context, "database": database, "page": page},
        request=request,
    )
    return Response.html(
        html, status=status, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
    )


async def _store_path(datasette: Any, name: str) -> Path:
    """The file of a database Datasette serves, if it is a store of this storydiff's schema."""
    try:
        database = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"no database {name!r}") from None
    if not database.path:
        raise NotFound(f"{name!r} is not a storydiff store")
    path = Path(database.path)
    found = await asyncio.to_thread(_schema_version, path)
    if found != VERSION:
        raise NotFound(f"{name!r} is not a storydiff store of schema version {VERSION}")
    return path


def _schema_version(path: Path) -> int:
    with Store(path, read_only=True) as store:
        found: int = store.query("PRAGMA user_version")[0][0]
        return found


class PageError(Exception):
    """What a page says when there is nothing at its address (an unknown story, outlet or
    actor: 404) or its query cannot be asked (400)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Links:
    """URLs of the app's pages, relative to the server, as templates and JSON give them."""

    def __init__(self, database: str, args: Mapping[str, str], page: str) -> None:
        self.database = database
        self.args = dict(args)
        self.page = page

    def __call__(self, page: str, /, **query: object) -> str:
        given = {k: v for k, v in query.items() if v is not None and v != ""}
        return f"/{self.database}/-/{page}" + (f"?{urlencode(given)}" if given else "")

    def json(self) -> str:
        return self(f"{self.page}.json", **self.args)

    def evidence(self, **query: object) -> str:
        return self("evidence", **query)

    def paged(self, page: int) -> str:
        return self(self.page, **{**self.args, "page": page})

    def beside(self, **cursor: str) -> str:
        """The stories page from another story on (``older=ID`` or ``newer=ID``)."""
        kept = {k: v for k, v in self.args.items() if k not in ("page", "older", "newer")}
        return self(self.page, **kept, **cursor)

    def spanning(self, since: str | None, until: str | None) -> str:
        """This page over another stretch of time."""
        return self(self.page, **{**self.args, "since": since, "until": until})

    def table(self, name: str) -> str:
        return f"/{self.database}/{name}"


def external(url: str | None) -> str | None:
    """An article's URL as a link, only when it is http or https (never javascript: or data:)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def _run_view(
    page: str, path: Path, args: Mapping[str, str], links: Links
) -> tuple[dict[str, Any], int]:
    with Store(path, read_only=True) as store:
        view: Callable[[Store, Mapping[str, str], Links], tuple[dict[str, Any], int]] = {
            "stories": _stories,
            "story": _story,
            "outlet": _outlet,
            "actor": _actor,
            "labels": _labels,
            "trends": _trends,
            "evidence": _evidence,
        }[page]
        return view(store, args, links)


def _number(args: Mapping[str, str], name: str, default: int = 1) -> int:
    try:
        return max(int(args.get(name, default)), 1)
    except ValueError:
        return default


def _stories(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    filters = StoryFilters(
        since=args.get("since") or None,
        until=args.get("until") or None,
        outlet=args.get("outlet") or None,
        country=args.get("country") or None,
        ownership=args.get("ownership") or None,
        search=args.get("q") or None,
        page=_number(args, "page"),
        older=args.get("older") or None,
        newer=args.get("newer") or None,
    )
    return {"result": queries.stories(store, filters), "filters": filters.given()}, 200


def _story(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    story_id = args.get("id", "")
    found = queries.story(store, story_id)
    if found is None:
        raise PageError(f"no story {story_id!r} in this store", 404)
    return {
        "result": found,
        "comparison": _comparison(found.analyses),
        "notes": coverage_notes(found.analyses),
        "external": external,
    }, 200


@dataclasses.dataclass(frozen=True)
class _Compared:
    """A story's comparison as storydiff compare makes it: the report (as the fragment a
    notebook shows, its style scoped to itself) and its JSON."""

    fragment: str
    document: str

    def markup(self) -> Markup:
        return Markup(self.fragment)

    def to_dict(self) -> Any:
        return json.loads(self.document)


def _comparison(analyses: tuple[Analysis, ...]) -> _Compared | None:
    """The comparison of a story's distinct articles (None with fewer than two). Articles are
    keyed by the hash of their text, so a story whose articles and metadata are unchanged is
    compared once per process (the last ``COMPARISONS_KEPT`` stories are kept)."""
    if len({a.article.id for a in analyses}) < 2:
        return None
    key = tuple(
        (a.article.id, a.article.outlet, a.article.title, a.article.published, a.article.url)
        for a in analyses
    )
    with _COMPARED_LOCK:
        found = _COMPARED.get(key)
    if found is None:
        from storydiff.api import compare

        report: Report = compare(list(analyses))
        found = _Compared(report._repr_html_(), report.to_json())
    with _COMPARED_LOCK:
        _COMPARED[key] = found
        _COMPARED.move_to_end(key)
        while len(_COMPARED) > COMPARISONS_KEPT:
            _COMPARED.popitem(last=False)
    return found


def _outlet(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    name = args.get("name", "")
    found = queries.outlet(store, name)
    if found is None:
        raise PageError(f"no article in this store has the outlet {name!r}", 404)
    kept, span = windowed(found.periods, lambda p: p.period, "month", args)
    found = dataclasses.replace(found, periods=tuple(kept))
    periods = [p.period for p in found.periods]
    chart = Markup("")
    if periods:
        shown, positions = timeline(periods, "month")
        by = {p.period: p for p in found.periods}
        chart = line_chart(
            f"articles and stories per month: {name}",
            shown,
            [
                ("articles", [float(by[p].articles if p in by else 0) for p in shown]),
                ("stories", [float(by[p].stories if p in by else 0) for p in shown]),
            ],
            positions,
            ("month", "count"),
        )
    return {"result": found, "chart": chart, "window": span}, 200


def _actor(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    raw = args.get("id", "")
    found = queries.actor(store, int(raw)) if raw.isdigit() else None
    if found is None:
        raise PageError(f"no actor {raw!r} in this store", 404)
    over_time, span = _trend_window(store, "actor", found.actor.name, "month", args, found.actor.id)
    return {
        "result": found,
        "trend": over_time,
        "window": span,
        "chart": Markup(render_trend(over_time, "svg")) if over_time.rows else Markup(""),
    }, 200


def _labels(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    result = queries.labels(store, _number(args, "page"))
    cells = {(c.term, c.outlet, c.voice): c.uses for c in result.cells}
    return {
        "result": result,
        "uses": lambda term, outlet, voice: cells.get((term, outlet, voice), 0),
        "voices": VOICES,
    }, 200


def _trends(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    base = _trend_form(args)
    subject, name, period = (base["form"][k] for k in ("subject", "name", "period"))
    if not name:
        return base, 200
    actor = find_actor(store, name) if subject == "actor" else None
    result, span = _trend_window(store, subject, name, period, args, actor.id if actor else None)
    return {
        **base,
        "result": result,
        "window": span,
        "chart": Markup(render_trend(result, "svg")) if result.rows else Markup(""),
        "evidence": _trend_evidence(result, actor.id if actor else None),
    }, 200


def _trend_form(args: Mapping[str, str]) -> dict[str, Any]:
    """The trends page's form as the query filled it in, and no result yet."""
    form = {
        "subject": args.get("subject", "actor"),
        "name": args.get("name", ""),
        "period": args.get("period", "month"),
    }
    return {"form": form, "subjects": SUBJECTS, "periods": tuple(PERIODS), "result": None}


def _trend_window(
    store: Store,
    subject: str,
    name: str,
    period: str,
    args: Mapping[str, str],
    actor_id: int | None,
) -> tuple[Trend, Window]:
    """The trend's rows in the stretch of time the page shows. When the trend is a stored
    actor's (``actor_id``), whose first and last periods can be read on their own, only the
    stretch shown is counted."""
    bounds = counted_span(store, actor_id, period) if actor_id is not None else None
    first, last = (period_start(p, period) for p in bounds) if bounds else (None, None)
    if first and last:
        span = window(first, last, period, args)
        result = trend(store, subject, name, period, span.since, span.until)
        rows = [row for row in result.rows if within(span, str(row[0]), period)]
    else:
        result = trend(store, subject, name, period)
        rows, span = windowed(result.rows, lambda row: str(row[0]), period, args)
    return dataclasses.replace(result, rows=tuple(rows)), span


def _trend_evidence(result: Trend, actor: int | None) -> list[dict[str, Any]]:
    """For each row of a trend, the evidence query behind its counts."""
    found = []
    for row in result.rows:
        common: dict[str, Any] = {"outlet": row[1], "period": row[0], "by": result.period}
        if result.subject == "label":
            query = EvidenceQuery("label", term=result.name, voice=row[2], **common)
        elif result.subject == "speaker":
            query = EvidenceQuery("quote", speaker=result.name, **common)
        else:
            query = EvidenceQuery("article", actor=actor, **common)
        found.append(query.given())
    return found


def _evidence(store: Store, args: Mapping[str, str], links: Links) -> tuple[dict[str, Any], int]:
    kind = args.get("kind", "article")
    if kind not in EVIDENCE_KINDS:
        raise PageError(f"kind must be one of {', '.join(EVIDENCE_KINDS)}, not {kind!r}", 400)
    by = args.get("by", "month")
    actor = args.get("actor", "")
    query = EvidenceQuery(
        kind,
        **{k: args[k] for k in ("story", "outlet", "country", "ownership") if k in args},
        **{
            k: args.get(k) or None
            for k in ("term", "voice", "group", "speaker", "word", "since", "until")
        },
        actor=int(actor) if actor.isdigit() else None,
        period=args.get("period") or None,
        by=by if by in PERIODS else "month",
        page=_number(args, "page"),
    )
    rows, more = queries.evidence(store, query)
    return {"result": rows, "query": query.given(), "more": more, "external": external}, 200


def _plain(value: Any) -> Any:
    """A page's data as JSON: data objects as objects (by their ``to_dict`` when they have
    one), without the markup and the helpers that only templates use."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        if to_dict is not None:
            return to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr}
    if isinstance(value, dict):
        return {
            k: _plain(v) for k, v in value.items() if not (isinstance(v, Markup) or callable(v))
        }
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
