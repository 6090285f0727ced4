"""The outlet registry: sourced profiles from the State Media Profiles and the hand list,
recognition by domain and name without false recognitions, and registry files of one's own."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from storydiff.clean import clean
from storydiff.clean.outlets import (
    OUTLETS,
    OWNERSHIPS,
    SOURCES,
    STATE_MEDIA_MONITOR,
    STATE_MEDIA_PROFILES,
    STORYDIFF,
    Outlet,
    Registry,
    find_outlet_name,
    outlet_by_name,
    outlet_by_url,
    outlet_of,
    read_outlets,
    register_outlets_file,
    registry,
)
from storydiff.errors import Code, ConfigError
from storydiff.model import Document

REPO = Path(__file__).resolve().parents[1]
STATE_MEDIA = REPO.parent / "shared" / "data" / "state-media"


@pytest.fixture
def own_registry():
    """Outlets a test registers are gone after it: the registry is built afresh."""
    yield
    registry.cache_clear()


def test_voice_of_america_and_al_arabiya_have_different_typologies():
    voa, arabiya = outlet_by_name("Voice of America"), outlet_by_name("Al Arabiya")
    assert (voa.ownership, arabiya.ownership) == (
        "independent-state-funded-and-managed",
        "captured-public",
    )
    assert (voa.country, arabiya.country) == ("US", "SA")
    assert voa.company == "U.S. Agency for Global Media (USAGM)"


def test_every_field_of_a_profile_says_where_it_came_from():
    voa = outlet_by_name("VOA")
    assert {s.source for s in voa.sources} <= set(SOURCES)
    assert voa.source_of("name") == (STORYDIFF,)
    assert voa.source_of("ownership") == (STATE_MEDIA_MONITOR,)
    assert voa.source_of("domains") == (STORYDIFF, STATE_MEDIA_PROFILES)
    bernama = outlet_by_name("Bernama")
    assert bernama.source_of("name") == bernama.source_of("country") == (STATE_MEDIA_MONITOR,)
    assert bernama.source_of("domains") == (STATE_MEDIA_PROFILES,)
    assert {s.field for s in bernama.sources} == {
        "name",
        "domains",
        "country",
        "ownership",
        "company",
    }


def test_the_hand_lists_outlets_take_the_typology_and_none_is_merely_state():
    for outlet in OUTLETS:
        profile = outlet_by_name(outlet.name)
        assert profile is not None and profile.name == outlet.name
        assert profile.ownership in OWNERSHIPS, outlet.name
    assert outlet_by_name("Sputnik").ownership == "state-controlled"
    assert outlet_by_name("Daily Sabah").ownership == "captured-private"
    assert outlet_by_name("BBC").ownership == "independent-public"
    # Outside the data: the hand list's own coarse class.
    assert outlet_by_name("AFP").ownership == "public"
    assert outlet_by_name("Reuters").ownership == "private"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.bernama.com/en/news.php?id=1", "Bernama"),
        ("https://www.agerpres.ro/politica/2024/05/06/x", "Agerpres"),
        ("https://www.inform.kz/en/x", "Kazinform"),
        ("https://english.alarabiya.net/News/2024/x", "Al Arabiya"),  # a subdomain
        ("https://learningenglish.voanews.com/a/x.html", "Voice of America"),
        ("https://arabic.rt.com/x", "RT"),
        # One host, two outlets: the path tells them apart; elsewhere, the host's outlet.
        ("https://www.sb.by/respublika/articles/x.html", "Respublika"),
        ("https://www.sb.by/articles/x.html", "Sovetskaya Belorussiya"),
        ("https://www.cnnturk.com/radyo/x", "CNN Turk Radio"),
        ("https://www.cnnturk.com/dunya/x", "CNN Turk"),
        ("https://www.nytimes.com/2024/x", "The New York Times"),
        ("https://example.org/news", None),
    ],
)
def test_outlets_of_the_data_are_recognised_by_domain(url, name):
    outlet = outlet_by_url(url)
    assert (outlet.name if outlet else None) == name


def test_outlets_of_the_data_are_recognised_by_name_and_alias():
    assert outlet_by_name("Bernama").country == "MY"
    assert outlet_by_name("Renmin Ribao").name == "People's Daily"
    assert outlet_by_name("Korean Central News Agency").name == "KCNA"
    assert find_outlet_name("Photo: Agerpres / Mihai Popescu") == "Agerpres"
    assert find_outlet_name("Reporting by Fars News Agency staff") == "Fars News Agency"


@pytest.mark.parametrize(
    "name",
    [
        "The Mirror",  # Ghana's, and the British tabloid's
        "Channel 5",  # Singapore's, and Britain's
        "Daily News",  # four outlets of the data
        "Iran",  # a newspaper, and a country
        "Gold",  # a radio station, and a word
        "MTV",  # three letters
        "CCTV",  # the cameras
    ],
)
def test_generic_names_recognise_no_outlet(name):
    assert outlet_by_name(name) is None
    assert find_outlet_name(f"Watch {name} tonight") is None


def test_a_generic_name_still_has_its_profile_through_its_domain():
    assert outlet_by_name("Channel 5") is None
    assert outlet_of("Channel 5", "https://www.mediacorp.sg/x").country == "SG"
    assert outlet_of("Channel 5", "https://www.channel5.com/x") is None


def test_the_cleaner_gives_an_article_its_outlets_country_and_ownership():
    text = "Talks resume\n\nThe two sides met in Minsk on Monday to resume the talks.\n"
    by_url = clean(
        Document("a.txt", text, "text", url="https://www.sb.by/respublika/articles/talks.html")
    )
    assert (by_url.outlet, by_url.outlet_country, by_url.outlet_ownership) == (
        "Respublika",
        "BY",
        "state-controlled",
    )
    given = clean(Document("b.txt", text, "text", outlet="Sputnik"))
    assert (given.outlet_country, given.outlet_ownership) == ("RU", "state-controlled")
    record = given.to_dict()
    assert (record["outlet_country"], record["outlet_ownership"]) == ("RU", "state-controlled")
    unknown = clean(Document("c.txt", text, "text", outlet="The Minsk Herald"))
    assert (unknown.outlet_country, unknown.outlet_ownership) == (None, None)


def _registry_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "outlets.csv"
    path.write_text(
        "# Our newsroom's outlets\nname,aliases,domains,country,ownership,company,source\n" + rows,
        encoding="utf-8",
    )
    return path


def test_a_users_registry_file_adds_an_outlet(tmp_path, own_registry):
    path = _registry_file(
        tmp_path,
        "The Minsk Herald,Minsk Herald|MH,minskherald.example,BY,private,Herald Media,our audit\n",
    )
    assert outlet_by_name("The Minsk Herald") is None
    (added,) = register_outlets_file(path)
    assert outlet_by_name("Minsk Herald") == added
    assert outlet_by_url("https://news.minskherald.example/2024/x") == added
    assert (added.country, added.ownership, added.company) == ("BY", "private", "Herald Media")
    assert added.source_of("ownership") == ("our audit",)
    assert find_outlet_name("Follow the Minsk Herald on") == "Minsk Herald"


def test_a_file_without_sources_names_itself_as_the_source(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,domains\nValley Gazette,valleygazette.example\n", encoding="utf-8")
    (outlet,) = read_outlets(path)
    assert outlet.source_of("name") == outlet.source_of("domains") == ("mine.csv",)
    assert outlet.ownership is None and outlet.match_name


def test_a_later_layer_replaces_the_outlet_its_name_names_and_keeps_the_others():
    layers = Registry()
    old = Outlet("Valley Gazette", ("Gazette",), ("valley.example",), "GB", "private")
    layers.add([old, Outlet("Hill Times", ("Gazette of the Hills",), ("hill.example",))])
    new = Outlet("Valley Gazette", (), ("valleygazette.example",), "GB", "nonprofit")
    # An alias is not the outlet's name: naming "Gazette of the Hills" replaces nothing.
    layers.add([new, Outlet("Hill Gazette", ("Gazette of the Hills",))])
    assert layers.by_name("Valley Gazette") == new
    assert layers.by_url("https://valley.example/x") is None
    assert layers.by_name("Gazette") is None  # went with the outlet it named
    assert layers.by_name("Gazette of the Hills").name == "Hill Gazette"
    assert layers.by_url("https://hill.example/x").name == "Hill Times"


def test_a_name_two_outlets_of_one_layer_share_names_neither():
    layer = Registry()
    layer.add([Outlet("Daily News", (), ("a.example",)), Outlet("Daily News", (), ("b.example",))])
    assert layer.by_name("Daily News") is None
    assert layer.by_url("https://b.example/x").domains == ("b.example",)


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ("Gazette,,,Britain,,,\n", "line 3: country 'Britain'"),
        ("Gazette,,,GB,state,,\n", "line 3: ownership 'state' is none of"),
        (",,x.example,GB,,,\n", "line 3: the name is empty"),
        ("Gazette,,,GB,,,,extra\n", "line 3: more cells"),
    ],
)
def test_a_registry_file_that_breaks_the_format_is_an_error_naming_the_line(
    tmp_path, rows, problem
):
    with pytest.raises(ConfigError) as caught:
        read_outlets(_registry_file(tmp_path, rows))
    assert caught.value.code is Code.E016
    assert f"outlets.csv, {problem}" in str(caught.value)


def test_unknown_columns_and_missing_files_are_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,ownrship\nGazette,private\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown columns \\['ownrship'\\]"):
        read_outlets(bad)
    with pytest.raises(ConfigError, match="E016"):
        read_outlets(tmp_path / "missing.csv")


def test_the_package_ships_the_datas_licence_and_attribution():
    data = files("storydiff.clean").joinpath("data")
    licence = " ".join(data.joinpath("state_media_LICENSE.txt").read_text("utf-8").split())
    assert "MIT License" in licence and "Copyright (c) 2023 ASD-at-GMF" in licence
    assert "Alliance for Securing Democracy" in licence and "State Media Monitor" in licence
    header = data.joinpath("state_media.csv").read_text(encoding="utf-8").split("\nname,")[0]
    header = " ".join(header.replace("#", " ").split())
    assert "Alliance for Securing Democracy" in header and "State Media Monitor" in header
    assert "state_media_LICENSE.txt" in header


def _script():
    spec = importlib.util.spec_from_file_location(
        "state_media", REPO / "scripts" / "state_media.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SOURCE_ROWS = """Region,Country,Media company,Main assets,URL,Typology,Status,Notes
Asia,China,Xinhua (New China News Agency),News agency: Xinhua,http://www.xinhuanet.com/,SC,,
Asia,China,Xinhua (New China News Agency),Xinhua Spanish,http://spanish.xinhuanet.com/,SC,,
Asia,China,People's Daily,Global Times (English),http://www.globaltimes.cn/,SC,,
Asia,China,People's Daily,Global Times,https://www.globaltimes.cn/en/,SC,,
Africa,Sudan,Sudan News Agency,Sudan News Agency (SUNAT),http://www.suna-sd.net/,SC,,
Europe,Belarus,Belarus Segodnya,Sovetskaya Belorussiya,https://www.sb.by/,SC,,
Europe,Belarus,Belarus Segodnya,Respublika,https://www.sb.by/respublika/,SC,,
Europe,Azerbaijan,State press unit,Azerbaijan,,SC,,
Asia,Singapore,Mediacorp,Channel 5,https://www.mediacorp.sg/en/,SC,,
North America and Oceania,United States of America,Voice of America,Golos Ameriki,https://golosameriki.com/,ISFM?,,
"""


def test_the_script_derives_outlets_from_the_source_rows():
    outlets = {o.name: o for o in _script().derive(csv.DictReader(io.StringIO(SOURCE_ROWS)))}
    assert list(outlets) == [
        "Xinhua",
        "Xinhua Spanish",
        "Global Times",
        "Sudan News Agency",
        "Sovetskaya Belorussiya",
        "Respublika",
        "Azerbaijan",
        "Channel 5",
        "Golos Ameriki",
    ]
    # Two rows of one outlet, an edition in brackets: one outlet, the language path dropped.
    assert outlets["Global Times"].domains == ["globaltimes.cn"]
    assert outlets["Sudan News Agency"].aliases == ["SUNAT"]
    assert outlets["Respublika"].domains == ["sb.by/respublika"]
    assert outlets["Sovetskaya Belorussiya"].domains == ["sb.by"]
    assert outlets["Xinhua"].ownership == "state-controlled"
    assert outlets["Golos Ameriki"].ownership == "independent-state-funded-and-managed"
    assert (outlets["Golos Ameriki"].country, outlets["Azerbaijan"].country) == ("US", "AZ")
    assert not outlets["Azerbaijan"].match_name and not outlets["Channel 5"].match_name
    assert outlets["Xinhua"].match_name and outlets["Respublika"].match_name


def test_the_shipped_file_is_what_the_script_derives_from_the_source(tmp_path):
    """Reproducible where the source sits beside the repository (it is not part of it)."""
    shipped = files("storydiff.clean").joinpath("data/state_media.csv").read_text("utf-8")
    assert len(shipped.splitlines()) > 1000
    if (STATE_MEDIA / "State_Media_Matrix.csv").exists():
        output = tmp_path / "state_media.csv"
        assert _script().main(["--output", str(output)]) == 0
        assert output.read_text(encoding="utf-8") == shipped


def test_the_outlets_option_adds_a_registry_file_to_the_commands_that_read(tmp_path):
    path = _registry_file(tmp_path, "Valley Gazette,,valleygazette.example,GB,nonprofit,,\n")
    article = tmp_path / "a.jsonl"
    text = "The council met on Monday. It approved the new bridge, officials said."
    article.write_text(
        json.dumps({"text": text, "url": "https://valleygazette.example/bridge"}) + "\n",
        encoding="utf-8",
    )
    done = _storydiff("analyze", str(article), "--outlets", str(path))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert (record["outlet"], record["outlet_country"], record["outlet_ownership"]) == (
        "Valley Gazette",
        "GB",
        "nonprofit",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("name,ownership\nValley Gazette,state\n", encoding="utf-8")
    refused = _storydiff("analyze", str(article), "--outlets", str(bad))
    assert (
        refused.returncode == 2
        and "[E016]" in refused.stderr
        and "bad.csv, line 2" in refused.stderr
    )
    assert "Traceback" not in refused.stderr


def _storydiff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storydiff", *args], capture_output=True, text=True, timeout=300
    )
