"""A registry of news outlets: the names they use, their web domains, country and ownership.

Used to recognise an outlet from the cues a page gives (a dateline's agency, a promo line
naming the site, a URL) and to give every outlet one canonical name, whichever variant a page
uses ("Sputnik" in a dateline, "Sputnik International" in the masthead).

Sources: each outlet's own "about" page and its Wikipedia article (name, headquarters country,
owner), checked in 2024. Ownership is coarse on purpose: ``state`` (owned or funded and
controlled by a government), ``public`` (public-service broadcaster with statutory
independence), ``private``, ``nonprofit`` or ``cooperative``. Add outlets with
``register_outlet`` (or to the list below).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    """One news outlet and the names and domains it appears under."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    ownership: str


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
    Outlet("BBC News", ("BBC", "BBC World Service"), ("bbc.co.uk", "bbc.com"), "GB", "public"),
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
    Outlet("NPR", ("National Public Radio",), ("npr.org",), "US", "nonprofit"),
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
    Outlet("Voice of America", ("VOA",), ("voanews.com",), "US", "state"),
    Outlet(
        "Radio Free Europe/Radio Liberty",
        ("RFE/RL", "Radio Free Europe"),
        ("rferl.org",),
        "US",
        "state",
    ),
    Outlet("Al Jazeera", ("Al Jazeera English", "Aljazeera"), ("aljazeera.com",), "QA", "state"),
    Outlet("Al Arabiya", (), ("alarabiya.net",), "SA", "state"),
    Outlet("RT", ("Russia Today", "RT International"), ("rt.com",), "RU", "state"),
    Outlet(
        "Sputnik International",
        ("Sputnik", "Sputnik News"),
        ("sputniknews.com", "sputnikglobe.com"),
        "RU",
        "state",
    ),
    Outlet("TASS", ("ITAR-TASS",), ("tass.com", "tass.ru"), "RU", "state"),
    Outlet("RIA Novosti", ("RIA",), ("ria.ru",), "RU", "state"),
    Outlet("The Moscow Times", ("Moscow Times",), ("themoscowtimes.com",), "RU", "private"),
    Outlet("Xinhua", ("Xinhua News Agency",), ("xinhuanet.com", "news.cn"), "CN", "state"),
    Outlet("China Daily", (), ("chinadaily.com.cn",), "CN", "state"),
    Outlet("CGTN", ("China Global Television Network",), ("cgtn.com",), "CN", "state"),
    Outlet("Global Times", (), ("globaltimes.cn",), "CN", "state"),
    Outlet("South China Morning Post", ("SCMP",), ("scmp.com",), "HK", "private"),
    Outlet("Press TV", ("PressTV",), ("presstv.ir", "presstv.com"), "IR", "state"),
    Outlet("Tasnim News Agency", ("Tasnim",), ("tasnimnews.com",), "IR", "state"),
    Outlet("IRNA", ("Islamic Republic News Agency",), ("irna.ir",), "IR", "state"),
    Outlet("SANA", ("Syrian Arab News Agency",), ("sana.sy",), "SY", "state"),
    Outlet("Anadolu Agency", ("Anadolu", "AA"), ("aa.com.tr",), "TR", "state"),
    Outlet("TRT World", ("TRT",), ("trtworld.com",), "TR", "state"),
    Outlet("Daily Sabah", (), ("dailysabah.com",), "TR", "private"),
    Outlet(
        "Hurriyet Daily News", ("Hürriyet Daily News",), ("hurriyetdailynews.com",), "TR", "private"
    ),
    Outlet("The Times of Israel", ("Times of Israel",), ("timesofisrael.com",), "IL", "private"),
    Outlet("Haaretz", (), ("haaretz.com",), "IL", "private"),
    Outlet("The Jerusalem Post", ("Jerusalem Post",), ("jpost.com",), "IL", "private"),
    Outlet("Deutsche Welle", ("DW",), ("dw.com",), "DE", "public"),
    Outlet("France 24", ("FRANCE 24",), ("france24.com",), "FR", "public"),
    Outlet("Euronews", (), ("euronews.com",), "FR", "private"),
    Outlet("Der Spiegel", ("Spiegel", "Spiegel International"), ("spiegel.de",), "DE", "private"),
    Outlet("The Hindu", (), ("thehindu.com",), "IN", "private"),
    Outlet(
        "Times of India", ("The Times of India",), ("timesofindia.indiatimes.com",), "IN", "private"
    ),
    Outlet("NDTV", (), ("ndtv.com",), "IN", "private"),
    Outlet("ABC (Australia)", ("ABC News Australia",), ("abc.net.au",), "AU", "public"),
    Outlet("CBC News", ("CBC",), ("cbc.ca",), "CA", "public"),
    Outlet("The Globe and Mail", ("Globe and Mail",), ("theglobeandmail.com",), "CA", "private"),
    Outlet(
        "Kyiv Independent", ("The Kyiv Independent",), ("kyivindependent.com",), "UA", "private"
    ),
    Outlet("Ukrinform", (), ("ukrinform.net",), "UA", "state"),
    Outlet("Middle East Eye", (), ("middleeasteye.net",), "GB", "private"),
]


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


_BY_NAME: dict[str, Outlet] = {}
_BY_DOMAIN: dict[str, Outlet] = {}


def register_outlet(outlet: Outlet) -> None:
    """Add an outlet (or replace one with the same name) so that pages naming it are recognised."""
    for name in (outlet.name, *outlet.aliases):
        _BY_NAME[_key(name)] = outlet
    for domain in outlet.domains:
        _BY_DOMAIN[domain.casefold()] = outlet


for _outlet in OUTLETS:
    register_outlet(_outlet)


def outlet_by_name(name: str) -> Outlet | None:
    """The registered outlet a name or alias refers to ("Sputnik" finds Sputnik International)."""
    key = _key(name)
    return _BY_NAME.get(key) or _BY_NAME.get(key.removeprefix("the "))


def outlet_by_url(url: str) -> Outlet | None:
    """The registered outlet whose domain hosts a URL (subdomains included)."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()
    while host:
        if host in _BY_DOMAIN:
            return _BY_DOMAIN[host]
        host = host.partition(".")[2] if "." in host else ""
    return None


def find_outlet_name(text: str, extra_names: Iterable[str] = ()) -> str | None:
    """The first registered outlet name (or one of ``extra_names``) that a text mentions.

    Matching is case-sensitive and on word boundaries: outlet names are proper nouns, and
    "sky" or "times" in running text are not outlets.
    """
    match = _names_pattern(frozenset(extra_names), len(_BY_NAME)).search(text)
    return match.group(0) if match else None


@lru_cache(maxsize=64)
def _names_pattern(extra_names: frozenset[str], _registry_size: int) -> re.Pattern[str]:
    names = {name for o in _BY_NAME.values() for name in (o.name, *o.aliases)} | extra_names
    ordered = sorted(names, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
