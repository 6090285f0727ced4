"""Articles in other languages: the language detected or taken as stated, French analysed in
full with its own pipeline and word lists, the reduced analysis of a language without a
pipeline, and comparisons and reports that say what was and was not looked for."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest

from storydiff.clean import clean
from storydiff.clean.language import detect_language
from storydiff.config import DEFAULTS, PipelineSettings
from storydiff.engines.batch import analyze_batch
from storydiff.errors import Code, ConfigError, SettingError
from storydiff.model import Analysis, Article, Document, article_id
from storydiff.model.languages import BEYOND_ENGLISH, FULL, REDUCED, Coverage
from storydiff.nlp.lexicons import lexicons_for
from storydiff.nlp.pipeline import Pipelines, load_pipeline
from storydiff.nlp.quotemarks import find_quoted, quoted_in
from storydiff.nlp.reduced import reduced_analysis
from storydiff.sources import read_inputs

FRENCH = """Inondations dans le Gard : au moins douze morts

« Nous ne reculerons pas face à cette catastrophe », a déclaré le ministre de l'Intérieur, Gérald Martin, lundi à Nîmes.

Selon la préfecture, plus de 3 000 personnes ont été évacuées depuis dimanche soir.

La maire de la ville, Sophie Durand, a affirmé que les secours manquaient de moyens. « Il faut des renforts tout de suite », a-t-elle ajouté.

— Nous avons tout perdu, raconte Paul Leroy, un retraité de la ville.

Les terroristes n'y sont pour rien, mais des casseurs ont pillé plusieurs magasins dans la nuit.
"""
RUSSIAN = """Наводнение на юге страны: погибли двенадцать человек

«Мы не отступим перед этой катастрофой», — заявил министр в понедельник.

По данным властей, из домов эвакуированы 3 000 человек, ущерб превысил 12,5 млн рублей.

Местные жители говорят, что спасателям не хватает техники и людей.
"""
RUSSIAN_TOO = """Число жертв наводнения на юге страны выросло до двенадцати

«Мы не отступим перед этой катастрофой», — сказал министр журналистам в понедельник.

Из домов эвакуированы 3 000 человек, местные жители говорят, что спасателям не хватает техники.
"""


def _article(text: str, language: str | None = None, source: str = "a.txt") -> Article:
    return clean(Document(source=source, text=text, kind="text", language=language))


@pytest.fixture(scope="module")
def french() -> Analysis:
    (analysis,) = analyze_batch([_article(FRENCH)], Pipelines(), 8)
    assert isinstance(analysis, Analysis)
    return analysis


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a annoncé de nouvelles mesures pour les habitants de la région.", "fr"),
        ("Die Regierung hat am Montag neue Maßnahmen für die Region angekündigt.", "de"),
        ("Il governo ha annunciato nuove misure per gli abitanti della regione.", "it"),
        ("Правительство объявило о новых мерах для жителей региона.", "ru"),
        ("The government announced new measures for the people of the region.", "en"),
    ],
)
def test_a_sentence_is_read_in_its_language(text, language):
    assert detect_language(text) == language


def test_a_text_too_short_to_tell_is_the_default():
    assert detect_language("OK 12") == "en" and detect_language("", default="fr") == "fr"


def test_a_stated_language_is_used_and_a_disagreeing_text_warns():
    stated = _article("Le ministre a déclaré que les secours manquaient de moyens.", "fr-FR")
    assert stated.language == "fr" and not stated.warnings
    english = "The minister said on Monday that the rescue teams lacked the means to cope."
    disagreeing = _article(english, "de")
    assert disagreeing.language == "de"
    (warning,) = [w.to_dict() for w in disagreeing.warnings]
    assert warning == {
        "kind": "stated_language_differs",
        "count": 1,
        "detail": "stated de, reads as en",
    }
    assert Article.from_dict(disagreeing.to_dict()).warnings == disagreeing.warnings


def test_readers_take_the_language_an_input_states(tmp_path):
    page = tmp_path / "page.html"
    body = "<p>" + "Le ministre a déclaré que les secours manquaient de moyens. " * 4 + "</p>"
    page.write_text(f'<html lang="fr-FR"><body><article>{body}</article></body></html>')
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"text": "Das ist ein Text.", "language": "de"}) + "\n")
    documents = list(read_inputs([str(page), str(records)]))
    assert [d.language for d in documents] == ["fr-FR", "de"]


def test_the_languages_setting_maps_a_language_to_its_pipeline():
    assert DEFAULTS.pipeline.pipeline_for("fr") == "fr_core_news_sm"
    assert DEFAULTS.pipeline.pipeline_for("en") == DEFAULTS.pipeline.name
    assert DEFAULTS.pipeline.pipeline_for("ru") is None
    changed = DEFAULTS.with_text({"pipeline.languages": "de=de_core_news_sm,fr=fr_core_news_md"})
    assert changed.pipeline.languages == (("de", "de_core_news_sm"), ("fr", "fr_core_news_md"))
    assert changed.digest() != DEFAULTS.digest()
    assert "languages = { fr = " in DEFAULTS.to_toml()
    with pytest.raises(SettingError) as refused:
        DEFAULTS.with_text({"pipeline.languages": "french=fr_core_news_sm"})
    assert refused.value.code is Code.E024


def test_a_language_without_word_lists_is_a_coded_error():
    settings = PipelineSettings(languages=(("de", "de_core_news_sm"),))
    assert not Pipelines(settings).full("ru")
    with pytest.raises(ConfigError) as refused:
        load_pipeline(settings, "de")
    assert refused.value.code is Code.E043 and "lexicons/de.toml" in str(refused.value)


def test_french_quotes_in_guillemets_incises_dialogue_and_selon(french):
    quotes = {q.content.text: q for q in french.quotes}
    minister = quotes["Nous ne reculerons pas face à cette catastrophe"]
    assert minister.kind == "direct" and minister.speaker.name == "Gérald Martin"
    assert quotes["Il faut des renforts tout de suite"].speaker.name == "Sophie Durand"
    assert quotes["Nous avons tout perdu"].speaker.name == "Paul Leroy"
    selon = quotes["plus de 3 000 personnes ont été évacuées depuis dimanche soir"]
    assert selon.cue is not None and selon.cue.text == "Selon"
    assert selon.speaker.mention is not None and selon.speaker.mention.text == "la préfecture"


def test_french_entities_labels_figures_and_coverage(french):
    people = {e.name for e in french.entities if e.kind == "PERSON"}
    assert {"Gérald Martin", "Sophie Durand", "Paul Leroy"} <= people
    assert {(x.text, x.voice) for x in french.labels} >= {("terroristes", "own")}
    (evacuated,) = [q for q in french.quantities if "3 000" in q.text]
    assert (evacuated.value, evacuated.qualifier) == (3000, "more than")
    assert french.coverage == BEYOND_ENGLISH and french.tone_method is None
    assert all(s.tone is None for s in french.statements)
    assert french.to_dict()["analysis"] == {
        "entities": True,
        "quotes": True,
        "quote_speakers": True,
        "quantities": True,
        "number_words": True,
        "dates": True,
        "labels": True,
        "tone": False,
    }


def test_a_dash_opens_dialogue_only_where_the_language_writes_dialogue_so(nlp):
    assert not list(quoted_in(nlp("— We lost everything, a pensioner said.")))
    assert find_quoted("— We lost everything.") == []
    (line,) = find_quoted("— Nous avons tout perdu.", dash_dialogue=True)
    assert (line.start, line.dialogue) == (2, True)
    (spaced,) = find_quoted("Il a dit : « Nous restons » hier.")
    assert "Il a dit : « Nous restons » hier."[spaced.start : spaced.end] == "Nous restons"


def test_a_language_without_pipeline_gets_quotes_by_marks_and_figures_in_digits():
    article = _article(RUSSIAN)
    assert article.language == "ru"
    analysis = reduced_analysis(article)
    assert analysis.coverage == REDUCED
    assert [q.content.text for q in analysis.quotes] == ["Мы не отступим перед этой катастрофой"]
    assert all(q.speaker.name is None and q.cue is None for q in analysis.quotes)
    assert [(q.text, q.value) for q in analysis.quantities] == [("3 000", 3000), ("12,5", 12.5)]
    assert not analysis.entities and not analysis.labels
    assert len(analysis.statements) == 3
    assert analysis.coverage.note("ru") == "Russian: quotes and figures only"
    assert Analysis.from_dict(analysis.to_dict()).coverage == REDUCED


def test_a_record_without_the_block_was_analysed_in_full():
    assert Coverage.from_dict(None) == FULL and FULL.note("en") is None
    assert BEYOND_ENGLISH.note("fr") == "French: no tone"
    digits_only = Coverage(number_words=False, tone=False)
    assert digits_only.note("de") == "German: no figures in words, no tone"
    undated = Coverage(number_words=False, dates=False, tone=False)
    assert undated.note("de") == "German: no figures in words, no dates, no tone"
    assert Coverage.from_dict({"entities": True}).dates and not REDUCED.dates


def test_a_batch_goes_through_each_language_pipeline_in_input_order(nlp):
    english = _article("The minister said on Monday that the rescue teams lacked the means.")
    items = [_article(RUSSIAN), english, _article(FRENCH)]
    analyses = list(analyze_batch(items, Pipelines(), 8))
    assert [a.article.language for a in analyses] == ["ru", "en", "fr"]
    assert [a.coverage for a in analyses] == [REDUCED, FULL, BEYOND_ENGLISH]
    assert analyses[1].quotes and analyses[1].tone_method is not None


def test_comparing_across_languages_says_so_and_counts_no_omission(seed_analyses):
    from storydiff.compare import compare_analyses

    russian = reduced_analysis(_article(RUSSIAN))
    sky = next(iter(seed_analyses.values()))
    comparison = compare_analyses([sky, russian])
    assert "aligning statements across languages is not supported" in comparison.summary[1].text
    assert comparison.only_in[russian.article.id] == ()
    assert comparison.only_in[sky.article.id] == ()
    assert not comparison.points


def test_compare_warns_on_standard_error_and_the_reports_show_the_note(tmp_path, seed_analyses):
    paths = []
    for name, text in (("ru1.txt", RUSSIAN), ("ru2.txt", RUSSIAN_TOO)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    for fmt in ("html", "md"):
        out = tmp_path / f"report.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "storydiff", "compare", *paths, "--format", fmt, "-o", str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stderr.count("Russian: quotes and figures only") == 2
        assert "languages" not in done.stderr
        assert out.read_text(encoding="utf-8").count("Russian: quotes and figures only") >= 2


def test_the_story_and_evidence_pages_show_the_note_beside_the_article(tmp_path):
    from storydiff.store import Store
    from storydiff.store.grouping import group_store
    from storydiff.web.app import datasette_for

    analyses = [
        reduced_analysis(_article(text, source=name))
        for name, text in (("ru1.txt", RUSSIAN), ("ru2.txt", RUSSIAN_TOO))
    ]
    dated = [Analysis.from_dict({**a.to_dict(), "published": "2026-05-04"}) for a in analyses]
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        store.add(dated)
        group_store(store)
        (story,) = {row[0] for row in store.query("SELECT story_id FROM articles")}
    datasette = datasette_for([path])
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette.invoke_startup())
        page = loop.run_until_complete(datasette.client.get(f"/corpus/-/story?id={story}"))
        data = loop.run_until_complete(datasette.client.get(f"/corpus/-/story.json?id={story}"))
        evidence = f"/corpus/-/evidence?kind=article&story={story}"
        rows = loop.run_until_complete(datasette.client.get(evidence))
        rows_data = loop.run_until_complete(datasette.client.get(evidence.replace("?", ".json?")))
    finally:
        loop.close()
    assert page.status_code == 200
    assert page.text.count("Russian: quotes and figures only") >= 2
    ids = {a.article.id for a in analyses}
    assert data.json()["notes"] == dict.fromkeys(ids, "Russian: quotes and figures only")
    assert rows.status_code == 200
    assert rows.text.count("Russian: quotes and figures only") == 2
    notes = {row["article"]: row["note"] for row in rows_data.json()["result"]}
    assert notes == dict.fromkeys(ids, "Russian: quotes and figures only")


def test_article_ids_do_not_depend_on_the_language():
    text = "Le ministre a déclaré que les secours manquaient de moyens."
    assert _article(text, "fr").id == _article(text).id == article_id(text)


def test_french_keeps_spacys_own_ruler_and_lemmatizer_where_the_stand_ins_are_not_exact():
    names = load_pipeline(None, "fr").pipe_names
    assert {"attribute_ruler", "lemmatizer", "storydiff_entity_kinds"} <= set(names)
    assert not {"storydiff_attribute_rules", "storydiff_lemmas"} & set(names)
    english = load_pipeline().pipe_names
    assert {"storydiff_attribute_rules", "storydiff_lemmas"} <= set(english)


def test_worker_processes_build_each_language_pipeline():
    from storydiff.engines import EngineSettings, get_engine

    items = [_article(FRENCH), _article(RUSSIAN), _article(FRENCH.replace("Gard", "Var"))]
    engine = get_engine(EngineSettings(workers=2, batch_size=1))
    analyses = list(engine.analyze(items))
    assert [a.coverage for a in analyses] == [BEYOND_ENGLISH, REDUCED, BEYOND_ENGLISH]
    (alone,) = analyze_batch(items[:1], Pipelines(), 8)
    assert analyses[0] == alone


def test_a_text_given_in_python_may_state_its_language():
    from storydiff import Text, analyze

    english = "The minister said on Monday that the rescue teams lacked the means to cope."
    (analysis,) = analyze([Text(english, language="fr")])
    assert analysis.article.language == "fr"
    assert [w.kind for w in analysis.article.warnings] == ["stated_language_differs"]


def test_soupirer_is_a_french_verb_of_saying_and_soutenir_is_not():
    nlp = Pipelines()("fr")
    (quote,) = nlp("« Il n'y a plus de bus », soupire Jeanne Morel.")._.quotes
    assert (quote.content.text, quote.speaker.name) == ("Il n'y a plus de bus", "Jeanne Morel")
    assert "soutenir" not in lexicons_for("fr").quotes.cue_verbs
