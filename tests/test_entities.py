"""Entities: one per actor, every mention grouped, roles collected."""

from __future__ import annotations


def _by_name(analysis):
    return {e.name: e for e in analysis.entities}


def test_surnames_join_the_full_name(seed_analyses):
    entities = _by_name(seed_analyses["000_5988aafb84cd7969.txt"])
    trump = entities["Donald Trump"]
    assert trump.kind == "PERSON"
    assert sum(m.text.endswith("Trump") for m in trump.mentions) == 4
    assert "Trump" not in entities
    assert "US President" in trump.roles
    assert any(m.text == "Assad" for m in entities["Bashar al Assad"].mentions)


def test_titled_name_tagged_org_is_a_person(seed_analyses):
    entities = _by_name(seed_analyses["001_4776b1b0b6ff724a.txt"])
    person = entities["Oleg Syromolotov"]
    assert person.kind == "PERSON"
    assert person.roles[0] == "Russian Deputy Foreign Minister"
    assert "Syromolotov" not in entities


def test_role_in_apposition(seed_analyses):
    entities = _by_name(seed_analyses["000_5988aafb84cd7969.txt"])
    assert entities["Mohammad Javad Zarif"].roles == ("Iran's foreign minister",)


def test_dateline_is_not_a_mention(seed_analyses):
    analysis = seed_analyses["001_4776b1b0b6ff724a.txt"]
    dateline_end = analysis.article.text.index(" - ") + 3
    assert analysis.article.text.startswith("MOSCOW (Sputnik) - ")
    assert all(m.start >= dateline_end for e in analysis.entities for m in e.mentions)


def test_mention_offsets_point_at_the_text(seed_analyses):
    for analysis in seed_analyses.values():
        for entity in analysis.entities:
            for mention in entity.mentions:
                assert analysis.article.text[mention.start : mention.end] == mention.text


def test_component_runs_in_a_users_pipeline():
    import spacy

    from storydiff.nlp.pipeline import pipeline_name

    nlp = spacy.load(pipeline_name())
    nlp.add_pipe("storydiff_entities")
    nlp.add_pipe("storydiff_quotes")
    doc = nlp('"It is over," said Prime Minister Jane Smith.')
    assert [e.name for e in doc._.entities if e.kind == "PERSON"] == ["Jane Smith"]
    assert doc._.quotes[0].speaker.name == "Jane Smith"
