"""A registry of news outlets: the names they go by, their web domains, country and ownership,
and where each of these facts comes from.

Used to recognise an outlet from the cues a page gives (a dateline's agency, a promo line
naming the site, a URL), to give every outlet one canonical name whichever variant a page
uses ("Sputnik" in a dateline, "Sputnik International" in the masthead), and to tell the
country and ownership of an article's outlet.

The registry is built on first use from three layers, each overriding the one before:

1. The state-affiliated media of the world, ``data/state_media.csv`` (1,094 outlets in 157
   countries), derived by ``scripts/state_media.py`` from the State Media Profiles of the
   Alliance for Securing Democracy (MIT licence, ``data/state_media_LICENSE.txt``), whose
   names, countries, companies and typology come from the State Media Monitor. Their
   ownership is that typology (``TYPOLOGY``): whether the state controls the outlet's
   funding, its governing structures and ownership, and its editorial line.
2. The hand list below, ``OUTLETS`` (each outlet's own "about" page and its Wikipedia
   article, checked in 2024): the outlets a news comparison meets most, with the names pages
   use for them. An outlet of the list that the data also has (a domain of the data's outlet
   is, or is under, one of the list's) keeps the list's name, aliases and country and takes
   the data's typology, company, domains and distinctive names. The list gives a coarse
   ownership (``OTHER_OWNERSHIPS``) only for the outlets the data does not have.
3. Registry files (``register_outlets_file``; ``--outlets FILE`` on the command line) and
   ``register_outlet``.

A later layer's outlet replaces the outlet its name already names; a name that two outlets
of one layer share names neither (the data has four outlets called "Daily News"); a domain
two outlets of one layer share goes to the first (a broadcaster's radio and television
often share one site). Every profile lists where each of its fields came from
(``Outlet.sources``, with ids from ``SOURCES``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from storydiff.errors import Code, ConfigError

# The State Media Monitor's typology: its code and the ownership storydiff calls it by.
TYPOLOGY = {
    "SC": "state-controlled",
    "CaPu": "captured-public",
    "CaPr": "captured-private",
    "ISFM": "independent-state-funded-and-managed",
    "ISF": "independent-state-funded",
    "ISM": "independent-state-managed",
    "IP": "independent-public",
}
# Ownership of outlets outside the typology's data.
OTHER_OWNERSHIPS = ("private", "public", "nonprofit", "cooperative")
OWNERSHIPS = (*TYPOLOGY.values(), *OTHER_OWNERSHIPS)

STORYDIFF = "storydiff"
STATE_MEDIA_MONITOR = "state-media-monitor"
STATE_MEDIA_PROFILES = "state-media-profiles"
SOURCES = {
    STORYDIFF: "storydiff's hand list: each outlet's own about page and its Wikipedia "
    "article, checked in 2024",
    STATE_MEDIA_MONITOR: "State Media Monitor, Media and Journalism Research Center "
    "(statemediamonitor.com): the Country, Media company, Main assets and Typology columns "
    "of the State Media Profiles",
    STATE_MEDIA_PROFILES: "State Media Profiles, Alliance for Securing Democracy "
    "(github.com/ASD-at-GMF/state-media-profiles, MIT licence): the URL column",
}
# Which source the state-media layer's fields come from.
STATE_MEDIA_FIELDS = {
    "name": STATE_MEDIA_MONITOR,
    "aliases": STATE_MEDIA_MONITOR,
    "domains": STATE_MEDIA_PROFILES,
    "country": STATE_MEDIA_MONITOR,
    "ownership": STATE_MEDIA_MONITOR,
    "company": STATE_MEDIA_MONITOR,
}
PROFILE_FIELDS = ("name", "aliases", "domains", "country", "ownership", "company")
FILE_COLUMNS = (*PROFILE_FIELDS, "match_name", "source")
_COUNTRY = re.compile(r"[A-Z]{2}")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class FieldSource:
    """Where one field of an outlet's profile came from: a ``SOURCES`` id or a file's name."""

    field: str
    source: str


@dataclass(frozen=True)
class Outlet:
    """One news outlet: the names and domains it appears under, and its profile.

    ``country`` is an ISO 3166-1 alpha-2 code; ``ownership`` one of ``OWNERSHIPS``;
    ``company`` the group that owns or runs it. ``domains`` are hosts, subdomains included,
    or a host and a path (``sb.by/respublika``) when outlets share a host. ``match_name``
    False says the name is too generic to tell the outlet in a page ("The Mirror", "Channel
    5"): the outlet is then recognised by its aliases and domains only.
    """

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    ownership: str | None = None
    company: str | None = None
    match_name: bool = True
    sources: tuple[FieldSource, ...] = ()

    def source_of(self, field_name: str) -> tuple[str, ...]:
        """Where a field came from (several sources for merged names and domains)."""
        return tuple(dict.fromkeys(s.source for s in self.sources if s.field == field_name))

    def names(self) -> tuple[str, ...]:
        """The names pages may call it by."""
        return (self.name, *self.aliases) if self.match_name else self.aliases


# The hand list: ownership only where the state-media data does not have the outlet (the
# others take its typology when the registry is built).
OUTLETS: list[Outlet] = [
    Outlet(
        "Associated Press",
        ("AP", "The Associated Press", "AP News"),
        ("apnews.com",),
        "US",
        "cooperative",
    ),
    Outlet("Reuters", ("Thomson Reuters",), ("reuters.com",), "GB", "private"),
    Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "public"),
    Outlet("BBC News", ("BBC", "BBC World Service"), ("bbc.co.uk", "bbc.com"), "GB"),
    Outlet("Sky News", ("Sky",), ("news.sky.com", "sky.com"), "GB", "private"),
    Outlet(
        "The Guardian",
        ("Guardian", "theguardian.com"),
        ("theguardian.com", "guardian.co.uk"),
        "GB",
        "private",
    ),
    Outlet("The Independent", ("Independent",), ("independent.co.uk",), "GB", "private"),
    Outlet(
        "The Telegraph", ("Telegraph", "Daily Telegraph"), ("telegraph.co.uk",), "GB", "private"
    ),
    Outlet("The Times", ("Times of London",), ("thetimes.co.uk",), "GB", "private"),
    Outlet("Daily Mail", ("Mail Online", "MailOnline"), ("dailymail.co.uk",), "GB", "private"),
    Outlet("Financial Times", ("FT",), ("ft.com",), "GB", "private"),
    Outlet("The Economist", ("Economist",), ("economist.com",), "GB", "private"),
    Outlet("CNN", ("CNN International",), ("cnn.com", "edition.cnn.com"), "US", "private"),
    Outlet("Fox News", ("Fox News Channel", "FOX News"), ("foxnews.com",), "US", "private"),
    Outlet("NBC News", ("NBC",), ("nbcnews.com",), "US", "private"),
    Outlet("CBS News", ("CBS",), ("cbsnews.com",), "US", "private"),
    Outlet("ABC News", ("ABC",), ("abcnews.go.com",), "US", "private"),
    Outlet("NPR", ("National Public Radio",), ("npr.org",), "US"),
    Outlet("The New York Times", ("New York Times", "NYT"), ("nytimes.com",), "US", "private"),
    Outlet("The Washington Post", ("Washington Post",), ("washingtonpost.com",), "US", "private"),
    Outlet(
        "The Wall Street Journal", ("Wall Street Journal", "WSJ"), ("wsj.com",), "US", "private"
    ),
    Outlet("USA Today", ("USA TODAY",), ("usatoday.com",), "US", "private"),
    Outlet("Los Angeles Times", ("LA Times",), ("latimes.com",), "US", "private"),
    Outlet("Politico", ("POLITICO",), ("politico.com", "politico.eu"), "US", "private"),
    Outlet("The Hill", (), ("thehill.com",), "US", "private"),
    Outlet("Bloomberg", ("Bloomberg News",), ("bloomberg.com",), "US", "private"),
    Outlet("Breitbart News", ("Breitbart",), ("breitbart.com",), "US", "private"),
    Outlet(
        "HuffPost",
        ("Huffington Post", "The Huffington Post"),
        ("huffpost.com", "huffingtonpost.com"),
        "US",
        "private",
    ),
    Outlet("Vox", (), ("vox.com",), "US", "private"),
    Outlet("Newsweek", (), ("newsweek.com",), "US", "private"),
    Outlet("Voice of America", ("VOA",), ("voanews.com",), "US"),
    Outlet(
        "Radio Free Europe/Radio Liberty",
        ("RFE/RL", "Radio Free Europe"),
        ("rferl.org",),
        "US",
    ),
    Outlet("Al Jazeera", ("Al Jazeera English", "Aljazeera"), ("aljazeera.com",), "QA"),
    Outlet("Al Arabiya", (), ("alarabiya.net",), "SA"),
    Outlet("RT", ("Russia Today", "RT International"), ("rt.com",), "RU"),
    Outlet(
        "Sputnik International",
        ("Sputnik", "Sputnik News"),
        ("sputniknews.com", "sputnikglobe.com"),
        "RU",
    ),
    Outlet("TASS", ("ITAR-TASS",), ("tass.com", "tass.ru"), "RU"),
    Outlet("RIA Novosti", ("RIA",), ("ria.ru",), "RU"),
    Outlet("The Moscow Times", ("Moscow Times",), ("themoscowtimes.com",), "RU", "private"),
    Outlet("Xinhua", ("Xinhua News Agency",), ("xinhuanet.com", "news.cn"), "CN"),
    Outlet("China Daily", (), ("chinadaily.com.cn",), "CN"),
    Outlet("CGTN", ("China Global Television Network",), ("cgtn.com",), "CN"),
    Outlet("Global Times", (), ("globaltimes.cn",), "CN"),
    Outlet("South China Morning Post", ("SCMP",), ("scmp.com",), "HK", "private"),
    Outlet("Press TV", ("PressTV",), ("presstv.ir", "presstv.com"), "IR"),
    Outlet("Tasnim News Agency", ("Tasnim",), ("tasnimnews.com",), "IR"),
    Outlet("IRNA", ("Islamic Republic News Agency",), ("irna.ir",), "IR"),
    Outlet("SANA", ("Syrian Arab News Agency",), ("sana.sy",), "SY"),
    Outlet("Anadolu Agency", ("Anadolu", "AA"), ("aa.com.tr",), "TR"),
    Outlet("TRT World", ("TRT",), ("trtworld.com",), "TR"),
    Outlet("Daily Sabah", (), ("dailysabah.com",), "TR"),
    Outlet(
        "Hurriyet Daily News", ("Hürriyet Daily News",), ("hurriyetdailynews.com",), "TR", "private"
    ),
    Outlet("The Times of Israel", ("Times of Israel",), ("timesofisrael.com",), "IL", "private"),
    Outlet("Haaretz", (), ("haaretz.com",), "IL", "private"),
    Outlet("The Jerusalem Post", ("Jerusalem Post",), ("jpost.com",), "IL", "private"),
    Outlet("Deutsche Welle", ("DW",), ("dw.com",), "DE"),
    Outlet("France 24", ("FRANCE 24",), ("france24.com",), "FR"),
    Outlet("Euronews", (), ("euronews.com",), "FR", "private"),
    Outlet("Der Spiegel", ("Spiegel", "Spiegel International"), ("spiegel.de",), "DE", "private"),
    Outlet("The Hindu", (), ("thehindu.com",), "IN", "private"),
    Outlet(
        "Times of India", ("The Times of India",), ("timesofindia.indiatimes.com",), "IN", "private"
    ),
    Outlet("NDTV", (), ("ndtv.com",), "IN", "private"),
    Outlet("ABC (Australia)", ("ABC News Australia",), ("abc.net.au",), "AU"),
    Outlet("CBC News", ("CBC",), ("cbc.ca",), "CA"),
    Outlet("The Globe and Mail", ("Globe and Mail",), ("theglobeandmail.com",), "CA", "private"),
    Outlet(
        "Kyiv Independent", ("The Kyiv Independent",), ("kyivindependent.com",), "UA", "private"
    ),
    Outlet("Ukrinform", (), ("ukrinform.net",), "UA"),
    Outlet("Middle East Eye", (), ("middleeasteye.net",), "GB", "private"),
]


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _words(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(name))


def _domain(text: str) -> tuple[str, str]:
    """A domain entry or a URL as its host (without ``www.``) and its path, both folded."""
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = (parts.hostname or "").casefold().removeprefix("www.")
    return host, "/".join(s for s in parts.path.casefold().split("/") if s)


def _under(path: str, prefix: str) -> bool:
    return not prefix or path == prefix or path.startswith(prefix + "/")


def _sourced(outlet: Outlet, sources: dict[str, str]) -> Outlet:
    """The outlet with the source of each field it gives, unless it already says."""
    if outlet.sources:
        return outlet
    return replace(outlet, sources=tuple(FieldSource(f, sources[f]) for f in _given(outlet)))


class Registry:
    """Outlets indexed by every name and domain, so that each lookup is one dictionary
    probe (a name) or a few (a URL's host and its parents)."""

    def __init__(self) -> None:
        self._by_name: dict[str, Outlet] = {}
        self._phrases = _Phrases()
        self._by_host: dict[str, dict[str, Outlet]] = {}

    def add(self, outlets: Iterable[Outlet]) -> None:
        """Register one layer of outlets (see the module's description of layers)."""
        layer = list(outlets)
        for outlet in layer:
            old = self.by_name(outlet.name)
            if old is not None and _key(old.name) == _key(outlet.name):
                self._drop(old)
        names: dict[str, list[Outlet]] = {}
        for outlet in layer:
            for name in outlet.names():
                if not _words(name):
                    continue
                claims = names.setdefault(_key(name), [])
                if outlet not in claims:
                    claims.append(outlet)
        taken: set[tuple[str, str]] = set()
        for outlet in layer:
            for name in outlet.names():
                if len(names.get(_key(name), ())) == 1:
                    self._by_name[_key(name)] = outlet
                    self._phrases.add(name, outlet)
            for domain in outlet.domains:
                host, path = _domain(domain)
                if host and (host, path) not in taken:
                    taken.add((host, path))
                    self._by_host.setdefault(host, {})[path] = outlet

    def _drop(self, outlet: Outlet) -> None:
        for name in (outlet.name, *outlet.aliases):
            if self._by_name.get(_key(name)) is outlet:
                del self._by_name[_key(name)]
            self._phrases.discard(name, outlet)
        for domain in outlet.domains:
            host, path = _domain(domain)
            if self._by_host.get(host, {}).get(path) is outlet:
                del self._by_host[host][path]

    def outlets(self) -> list[Outlet]:
        """Every outlet a name or a domain leads to."""
        found = [*self._by_name.values(), *(o for p in self._by_host.values() for o in p.values())]
        return list({id(o): o for o in found}.values())

    def by_name(self, name: str) -> Outlet | None:
        key = _key(name)
        return self._by_name.get(key) or self._by_name.get(key.removeprefix("the "))

    def by_url(self, url: str) -> Outlet | None:
        host, path = _domain(url)
        while host:
            paths = self._by_host.get(host, {})
            under = [prefix for prefix in paths if _under(path, prefix)]
            if under:
                return paths[max(under, key=len)]
            host = host.partition(".")[2]
        return None

    def find_name(self, text: str, extra: _Phrases) -> str | None:
        """The first name in ``text`` (the longest of those starting there) that is a
        registered outlet's or one of ``extra``, as the text writes it."""
        words = _TOKEN.findall(text)
        registered, given = self._phrases.longest, extra.longest
        if registered.keys().isdisjoint(words) and given.keys().isdisjoint(words):
            return None  # most lines: no word starts a name
        for start, word in enumerate(words):
            longest = max(registered.get(word, 0), given.get(word, 0))
            for size in range(min(longest, len(words) - start), 0, -1):
                phrase = tuple(words[start : start + size])
                if phrase in self._phrases.names or phrase in extra.names:
                    tokens = list(_TOKEN.finditer(text))
                    return text[tokens[start].start() : tokens[start + size - 1].end()]
        return None


class _Phrases:
    """Names as sequences of words, looked up by their first word: finding any of thousands
    of names in a line costs a dictionary probe a word, not a pass a name."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], object] = {}
        # The most words a name starting with a word has (an upper bound once names go).
        self.longest: dict[str, int] = {}

    def add(self, name: str, value: object) -> None:
        words = _words(name)
        self.names[words] = value
        self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))

    def discard(self, name: str, value: object) -> None:
        if self.names.get(_words(name)) is value:
            del self.names[_words(name)]


def read_outlets(path: str | Path) -> list[Outlet]:
    """The outlets of a registry file (the README's format), each field's source the row's
    ``source`` cell or else the file's name. A file that cannot be read, or a row that
    breaks the format, is a ConfigError (E016) naming the file and the line."""
    name = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise _format_error(name, None, str(error)) from None
    return parse_outlets(text, name)


def parse_outlets(text: str, file: str, sources: dict[str, str] | None = None) -> list[Outlet]:
    """The outlets of a registry file's text: CSV with a header row, ``|`` between the names
    or domains of one cell, lines starting with ``#`` comments. Each field's source is the
    row's ``source`` cell, else ``sources`` for that field, else ``file``."""
    lines = text.splitlines(keepends=True)
    numbers = [n for n, line in enumerate(lines, 1) if not line.startswith("#")]
    rows = csv.DictReader(io.StringIO("".join(lines[n - 1] for n in numbers)))
    columns = rows.fieldnames or ()
    unknown = sorted(set(columns) - set(FILE_COLUMNS))
    if "name" not in columns or unknown:
        detail = f"unknown columns {unknown}" if unknown else "no 'name' column"
        raise _format_error(file, None, f"{detail}; the columns are {', '.join(FILE_COLUMNS)}")
    outlets = []
    try:
        for row in rows:
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                outlets.append(_outlet_of(row, file, numbers[rows.line_num - 1], sources or {}))
    except csv.Error as error:
        raise _format_error(file, numbers[rows.line_num - 1], str(error)) from None
    return outlets


def _outlet_of(row: dict[str, str], file: str, line: int, sources: dict[str, str]) -> Outlet:
    # A row longer than the header puts its extra cells in a list under the key None.
    if None in row:
        raise _format_error(file, line, f"more cells than the header's {len(row) - 1}")
    cell = {k: (v or "").strip() for k, v in row.items()}
    if not cell.get("name"):
        raise _format_error(file, line, "the name is empty")
    country, ownership = cell.get("country") or None, cell.get("ownership") or None
    if country is not None and not _COUNTRY.fullmatch(country):
        raise _format_error(file, line, f"country {country!r} is not an ISO 3166-1 code (GB)")
    if ownership is not None and ownership not in OWNERSHIPS:
        known = ", ".join(OWNERSHIPS)
        raise _format_error(file, line, f"ownership {ownership!r} is none of {known}")
    match_name = cell.get("match_name", "").casefold()
    if match_name not in ("", "true", "false"):
        raise _format_error(file, line, f"match_name {match_name!r} is neither true nor false")
    row_source = cell.get("source")
    outlet = Outlet(
        name=cell["name"],
        aliases=_list(cell.get("aliases")),
        domains=_list(cell.get("domains")),
        country=country,
        ownership=ownership,
        company=cell.get("company") or None,
        match_name=match_name != "false",
    )
    return _sourced(outlet, {f: row_source or sources.get(f) or file for f in PROFILE_FIELDS})


def _list(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _format_error(file: str, line: int | None, detail: str) -> ConfigError:
    where = f"{file}, line {line}" if line is not None else file
    return ConfigError(Code.E016, kind="outlet registry", detail=f"{where}: {detail}")


def _merged(hand: Sequence[Outlet], data: Sequence[Outlet]) -> tuple[list[Outlet], list[Outlet]]:
    """The hand list with the data's profile of each of its outlets the data has, and the
    data's other outlets (see the module's description of the second layer)."""
    hosts = {_domain(d)[0]: n for n, outlet in enumerate(hand) for d in outlet.domains}
    taken = {_key(name) for outlet in hand for name in outlet.names()}
    found: dict[int, list[Outlet]] = {}
    rest = []
    for outlet in data:
        owner = next((hosts[h] for d in outlet.domains for h in _parents(d) if h in hosts), None)
        if owner is None:
            rest.append(outlet)
        else:
            found.setdefault(owner, []).append(outlet)
    return [_enriched(o, found.get(n, []), taken) for n, o in enumerate(hand)], rest


def _parents(domain: str) -> Iterator[str]:
    host = _domain(domain)[0]
    while host:
        yield host
        host = host.partition(".")[2]


def _enriched(outlet: Outlet, profiles: list[Outlet], taken: set[str]) -> Outlet:
    if not profiles:
        return outlet
    first = profiles[0]
    names = [n for p in profiles for n in p.names() if _key(n) not in taken]
    domains = [d for p in profiles for d in p.domains]
    taken_fields = {"company", "domains"} | ({"aliases"} if names else set())
    taken_fields |= {"ownership"} - set(_given(outlet))
    sources = [*outlet.sources, *(s for s in first.sources if s.field in taken_fields)]
    return replace(
        outlet,
        aliases=tuple(dict.fromkeys((*outlet.aliases, *names))),
        domains=tuple(dict.fromkeys((*outlet.domains, *domains))),
        ownership=outlet.ownership or first.ownership,
        company=first.company,
        sources=tuple(dict.fromkeys(sources)),
    )


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry, built once: the state-media data, then the hand list over it."""
    data_file = files("storydiff.clean").joinpath("data/state_media.csv")
    data = parse_outlets(
        data_file.read_text(encoding="utf-8"), "state_media.csv", STATE_MEDIA_FIELDS
    )
    hand = [_sourced(o, dict.fromkeys(PROFILE_FIELDS, STORYDIFF)) for o in OUTLETS]
    hand, rest = _merged(hand, data)
    built = Registry()
    built.add(rest)
    built.add(hand)
    return built


def register_outlet(outlet: Outlet) -> None:
    """Add an outlet, or replace the one its name names, so that pages naming it are
    recognised; its fields' source is ``register_outlet`` unless it says otherwise."""
    registry().add([_sourced(outlet, dict.fromkeys(PROFILE_FIELDS, "register_outlet"))])


def register_outlets_file(path: str | Path) -> list[Outlet]:
    """Add the outlets of a registry file (the README's format) as one layer over the
    registry; returns them. ConfigError (E016) when the file breaks the format."""
    outlets = read_outlets(path)
    registry().add(outlets)
    return outlets


def outlet_by_name(name: str) -> Outlet | None:
    """The registered outlet a name or alias refers to ("Sputnik" finds Sputnik International)."""
    return registry().by_name(name)


def outlet_by_url(url: str) -> Outlet | None:
    """The registered outlet whose domain hosts a URL: subdomains included, and where
    outlets share a host, the one whose path the URL is under."""
    return registry().by_url(url)


def outlet_of(name: str | None, url: str | None = None) -> Outlet | None:
    """The profile of an article's outlet: the outlet its name names, else its URL's outlet
    when that has the same name (a name too generic to be looked up alone)."""
    if not name:
        return None
    if (outlet := outlet_by_name(name)) is not None:
        return outlet
    by_url = outlet_by_url(url) if url else None
    return by_url if by_url is not None and _key(by_url.name) == _key(name) else None


def find_outlet_name(text: str, extra_names: Iterable[str] = ()) -> str | None:
    """The first registered outlet name (or one of ``extra_names``) that a text mentions.

    Matching is case-sensitive and on word boundaries: outlet names are proper nouns, and
    "sky" or "times" in running text are not outlets.
    """
    return registry().find_name(text, _extra_words(frozenset(extra_names)))


def _given(outlet: Outlet) -> tuple[str, ...]:
    """The profile fields an outlet has a value for, in ``PROFILE_FIELDS`` order."""
    return tuple(f for f in PROFILE_FIELDS if getattr(outlet, f))


@lru_cache(maxsize=64)
def _extra_words(names: frozenset[str]) -> _Phrases:
    phrases = _Phrases()
    for name in names:
        if _words(name):
            phrases.add(name, name)
    return phrases
