"""Quotes and their speakers: the seeds against the gold, and each construction on its own."""

from __future__ import annotations

import re

import pytest

from storydiff.nlp.quotemarks import find_quoted


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\xa0", " ").lower())


def _matches(gold_quote: dict, quote) -> bool:
    wanted = _tokens(gold_quote["text"])
    got = set(_tokens(quote.content.text))
    return (
        sum(t in got for t in wanted) * 2 >= len(wanted)
        and quote.speaker.name == gold_quote["speaker"]
    )


def _score(gold_quotes: list[dict], quotes: list) -> tuple[int, int, int]:
    unmatched = list(quotes)
    found = 0
    for gold_quote in gold_quotes:
        match = next((q for q in unmatched if _matches(gold_quote, q)), None)
        if match is not None:
            unmatched.remove(match)
            found += 1
    return found, len(gold_quotes), len(quotes)


@pytest.mark.parametrize("name", ["000_5988aafb84cd7969.txt", "001_4776b1b0b6ff724a.txt"])
def test_seed_quotes_with_resolved_speakers(gold, seed_analyses, name):
    found, gold_count, predicted = _score(
        gold["articles"][name]["quotes"], list(seed_analyses[name].quotes)
    )
    precision, recall = found / predicted, found / gold_count
    assert recall >= 0.9, (found, gold_count)
    assert precision >= 0.9, (found, predicted)


def test_pronoun_after_other_subject_resolves_to_that_subject(seed_analyses):
    # "Mr Putin's spokesman Dmitry Peskov did not give a timeframe ... He said ..." — "He" is
    # the spokesman, not the previous speaker (Trump).
    quotes = seed_analyses["000_5988aafb84cd7969.txt"].quotes
    numerous = next(q for q in quotes if q.content.text.startswith("numerous"))
    assert numerous.speaker.name == "Dmitry Peskov"
    assert numerous.speaker.mention.text == "He"
    assert numerous.kind == "mixed"


def test_description_resolves_to_named_person(seed_analyses):
    quotes = seed_analyses["001_4776b1b0b6ff724a.txt"].quotes
    by_mention = {q.speaker.mention.text: q.speaker.name for q in quotes if q.speaker.mention}
    assert by_mention["the deputy minister"] == "Oleg Syromolotov"
    assert by_mention["The official"] == "Oleg Syromolotov"


def test_multi_paragraph_quote_continues_the_speaker(seed_analyses):
    quotes = seed_analyses["000_5988aafb84cd7969.txt"].quotes
    follow_on = next(q for q in quotes if q.content.text.startswith("No doubt"))
    assert follow_on.speaker.name == "Dmitry Peskov"
    assert follow_on.kind == "direct"


def test_content_offsets_point_at_the_text(seed_analyses):
    for analysis in seed_analyses.values():
        for quote in analysis.quotes:
            for piece in quote.pieces:
                assert analysis.article.text[piece.start : piece.end] == piece.text
            if len(quote.pieces) == 1:
                assert quote.pieces[0] == quote.content
            if quote.speaker.mention:
                mention = quote.speaker.mention
                assert analysis.article.text[mention.start : mention.end] == mention.text


def _quotes(nlp, text):
    return nlp(text)._.quotes


def test_quote_before_cue(nlp):
    (quote,) = _quotes(nlp, '"We will not give up," Maria Lopez said on Monday.')
    assert quote.content.text == "We will not give up,"
    assert quote.kind == "direct"
    assert quote.speaker.name == "Maria Lopez"


def test_split_quote_around_cue(nlp):
    text = '"We will rebuild," Mayor Anne Hidalgo said, "and we will do it fast."'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Anne Hidalgo"
    assert [p.text for p in quote.pieces] == ["We will rebuild,", "and we will do it fast."]
    assert quote.content.text == "We will rebuild, and we will do it fast."
    assert (quote.content.start, quote.content.end) == (quote.pieces[0].start, quote.pieces[1].end)
    assert quote.kind == "direct"


def test_colon_introduction_and_pronoun(nlp):
    text = 'Opposition leader Peter Grant spoke to reporters.\n\nHe added: "This is a disaster for the town."'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Peter Grant"
    assert quote.content.text == "This is a disaster for the town."


def test_indirect_speech_with_that(nlp):
    (quote,) = _quotes(
        nlp, "The minister, Sarah Connor, said that the budget would be balanced next year."
    )
    assert quote.kind == "indirect"
    assert quote.content.text == "the budget would be balanced next year"
    assert quote.speaker.name == "Sarah Connor"


def test_according_to(nlp):
    (quote,) = _quotes(nlp, "About 300 homes were destroyed, according to local officials.")
    assert quote.content.text == "About 300 homes were destroyed"
    # A description names nobody: the speaker stays unnamed, the words of the mention are kept.
    assert quote.speaker.name is None
    assert quote.speaker.described == "local officials"


def test_organisation_speaker_and_it(nlp):
    text = "The World Bank said growth would slow to 2%.\n\nIt also said inflation would fall."
    quotes = _quotes(nlp, text)
    assert [q.speaker.name for q in quotes] == ["The World Bank", "The World Bank"] or [
        q.speaker.name for q in quotes
    ] == ["World Bank", "World Bank"]


def test_scare_quotes_are_not_speech(nlp):
    assert _quotes(nlp, 'The so-called "peace plan" was published on Friday.') == []


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “we are ready” today.", "we are ready"),
        ("Il a dit «nous sommes prêts» hier.", "nous sommes prêts"),
        ("Er sagte „wir sind bereit“ gestern.", "wir sind bereit"),
        ("She called it 'a historic day' on Monday.", "a historic day"),
        # Two right single quotes as the closing double mark; a right double mark opening.
        ("He said “we are ready’’ today.", "we are ready"),
        ("He said ”we are ready” today.", "we are ready"),
    ],
)
def test_quotation_mark_styles(text, inner):
    (quoted,) = find_quoted(text)
    assert text[quoted.start : quoted.end] == inner


def test_apostrophes_are_not_quotes():
    assert find_quoted("The rebels' stronghold isn't safe, and Putin's aides know it.") == []


def test_a_right_double_mark_after_words_closes_and_never_opens():
    text = "“We are ready,” he said, and the crowd,” cheered."
    assert [text[q.start : q.end] for q in find_quoted(text)] == ["We are ready,"]


def test_unclosed_quote_runs_to_paragraph_end():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    first, second = find_quoted(text)
    assert first.continues and text[first.start : first.end] == "First paragraph of the quote."
    assert text[second.start : second.end] == "Second paragraph,"


def test_cue_inside_the_sentence_takes_both_sides(nlp):
    (quote,) = _quotes(nlp, "The museum, the curator said, will open in the spring.")
    assert [p.text for p in quote.pieces] == ["The museum", "will open in the spring"]
    assert quote.speaker.name is None
    assert quote.speaker.mention.text == "the curator"


def test_message_as_object(nlp):
    (quote,) = _quotes(
        nlp, "Opposition leader Peter Grant called for an inquiry into the spending."
    )
    assert quote.speaker.name == "Peter Grant"
    assert quote.content.text == "an inquiry into the spending"


def test_evidence_as_source(nlp):
    (quote,) = _quotes(nlp, "A survey by the council found that most residents back the plan.")
    assert quote.content.text == "most residents back the plan"


def test_stance_only_with_that(nlp):
    (quote,) = _quotes(nlp, "Officials believe that the dam will hold.")
    assert quote.content.text == "the dam will hold"
    assert _quotes(nlp, "Residents fear the dam will burst.") == []


def test_transcript_speaker_labels(nlp):
    text = (
        "Mayor Peter Grant spoke to the radio station on Monday.\n\n"
        "GRANT: We will not give up on this town.\n\n"
        "UPDATE: The meeting was moved to Friday."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Peter Grant"
    assert quote.content.text == "We will not give up on this town"


def test_labels_of_a_quoted_transcript_take_turns(nlp):
    text = (
        'The interview went as follows:\n\n"HOST: Will you run again?\n\n'
        '"ROE: I have not decided yet.\n\n"HOST: When will you decide?\n\n'
        '"ROE: After the summer."'
    )
    assert [q.speaker.name for q in _quotes(nlp, text)] == ["HOST", "ROE", "HOST", "ROE"]


@pytest.mark.parametrize(
    "text",
    [
        "KEEPING SCORE: The team has won four of its last five games.\n\nThe coach was pleased.",
        "Email: The newsletter goes out on Fridays.\n\nThe coach was pleased.",
    ],
)
def test_run_in_section_heads_are_not_speakers(nlp, text):
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The minister confessed that the figures had been wrong.",
            None,
            "the figures had been wrong",
        ),
        (
            "The senator wondered whether the law would survive.",
            None,
            "whether the law would survive",
        ),
        ('"We are finished," Jane Roe scolded.', "Jane Roe", "We are finished,"),
        ("The governor voiced concern that the budget would fail.", None, "the budget would fail"),
        (
            "John Doe reminded reporters that the vote was advisory.",
            "John Doe",
            "the vote was advisory",
        ),
        (
            "Jane Roe, who chairs the panel, said the hearing would resume.",
            "Jane Roe",
            "the hearing would resume",
        ),
        ("Jane Roe's statement said the talks had failed.", "Jane Roe", "the talks had failed"),
        (
            "Maria Lopez, a nurse based in Kansas City, Mo., said masks ran out.",
            "Maria Lopez",
            "masks ran out",
        ),
        (
            "The company said in a statement that it would close two plants.",
            None,
            "it would close two plants",
        ),
    ],
)
def test_speech_patterns(nlp, text, speaker, content):
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == speaker
    assert quote.content.text == content
    assert quote.speaker.mention is not None


def test_cue_in_the_middle_keeps_the_second_half(nlp):
    (quote,) = _quotes(nlp, '"The plan is sound," she says, "and we will carry it out."')
    assert [p.text for p in quote.pieces] == ["The plan is sound,", "and we will carry it out."]


def test_a_colon_far_from_the_cue_introduces_something_else(nlp):
    text = (
        'Jane Roe said the plan was "dead".\n\nThe full text follows:\n\n'
        '"HOST: Is the plan dead?\n\n"ROE: It is.\n\n"HOST: Thank you.\n\n"ROE: Thanks."'
    )
    quotes = _quotes(nlp, text)
    assert quotes[0].speaker.name == "Jane Roe"
    assert [q.speaker.name for q in quotes[1:]] == ["HOST", "Jane Roe", "HOST", "Jane Roe"]


def test_quotation_signed_with_a_dash(nlp):
    text = "“We lost everything in one night.” ― Maria Lopez\n“Nobody warned us.” ― Peter Grant"
    said = {(q.speaker.name, q.content.text) for q in _quotes(nlp, text)}
    assert said == {
        ("Maria Lopez", "We lost everything in one night."),
        ("Peter Grant", "Nobody warned us."),
    }


def test_pronoun_gender_from_honorifics(nlp):
    text = (
        "Ms Maria Lopez, the mayor, met Mr John Grant on Monday. "
        "John Grant said the plan was sound.\n\nShe said the town would rebuild."
    )
    quotes = _quotes(nlp, text)
    assert [q.speaker.name for q in quotes] == ["John Grant", "Maria Lopez"]


def test_lexicon_is_extended_by_configuration():
    import spacy

    from storydiff.nlp.pipeline import pipeline_name

    nlp = spacy.load(pipeline_name())
    nlp.add_pipe("storydiff_entities", config={"extra_role_nouns": ["ombudsman"]})
    nlp.add_pipe("storydiff_quotes", config={"extra_cue_verbs": ["opine"]})
    (quote,) = nlp("Jane Roe opined that the ruling was wrong.")._.quotes
    assert quote.content.text == "the ruling was wrong"
    doc = nlp("Ombudsman Jane Roe will report next week.")
    assert doc._.entities[0].roles == ("Ombudsman",)


def test_first_names_give_the_gender_a_pronoun_must_fit(nlp):
    text = "Dianne Jones sat beside John Smith at the meeting. He said the budget was balanced."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "John Smith"


def test_a_title_written_as_a_name_is_a_description(nlp):
    text = (
        "Attorney General Jane Roe visited the city on Monday.\n\n"
        "The Attorney General said the inquiry would be thorough."
    )
    assert _quotes(nlp, text)[-1].speaker.name == "Jane Roe"


def test_a_speaker_ends_at_its_cue(nlp):
    text = (
        "Minority Leader Jane Roe said rivals had “agreed not to widen the scope of the bill,” "
        "the provision that had stalled the talks."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.mention.text == "Minority Leader Jane Roe"


def test_a_quotation_closed_paragraphs_later_is_one_speakers():
    text = "“We will rebuild.\n\nIt will take years.\n\nBut we will do it,” the mayor said."
    assert [text[q.start : q.end] for q in find_quoted(text)] == [
        "We will rebuild.",
        "It will take years.",
        "But we will do it,",
    ]
    # Without a closing mark, or with a quotation opened between, nothing runs on.
    assert find_quoted("“We will rebuild.\n\nThe mayor left.") == []
    assert [q.quotation for q in find_quoted("“A.\n\n“B,” she said.")] == [None, None]


def test_an_opening_mark_that_ends_its_paragraph_opens_the_next():
    text = '"We act," the mayor wrote. "\n\nThe bridge will close.\n\nIt must."\n\nShe left.'
    assert [text[q.start : q.end] for q in find_quoted(text)] == [
        "We act,",
        "The bridge will close.",
        "It must.",
    ]
    # A closing mark after a space is no opener, and nothing runs on without a closing mark.
    assert [text[q.start : q.end] for q in find_quoted('"We act. "\n\nShe left.')] == []


def test_every_paragraph_of_a_quotation_has_the_speaker_of_its_cue(nlp):
    text = "Jane Roe spoke first.\n\n“We will rebuild.\n\nIt will take years,” Peter Grant said."
    quotes = _quotes(nlp, text)
    assert [(q.speaker.name, q.content.text) for q in quotes] == [
        ("Peter Grant", "We will rebuild."),
        ("Peter Grant", "It will take years,"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # A group, or a person the article never names, has no name; the words stay.
        ("Republicans said the bill would pass.", None, "Republicans"),
        ("Clinton supporters said that the vote was fair.", None, "Clinton supporters"),
        # The people of a body the text names speak for it.
        ("UN officials said that aid would arrive.", "UN officials", "UN officials"),
        # With others beside them, they are a collective.
        (
            "UN officials and aid workers said that aid would arrive.",
            None,
            "UN officials and aid workers",
        ),
        ("A former model who claimed the deal was void spoke.", None, "A former model"),
        # An organisation named by its owner, and a poll credited to who made it.
        ("The Trump campaign said the report was false.", "Trump campaign", "The Trump campaign"),
    ],
)
def test_who_is_named_and_who_is_not(nlp, text, speaker, mention):
    quote = _quotes(nlp, text)[0]
    assert quote.speaker.name == speaker
    assert quote.speaker.mention.text == mention


def test_who_is_mentioned_by_the_noun_it_tells_about(nlp):
    (quote,) = _quotes(nlp, "The visit was led by Jane Roe, who said the plan was sound.")
    assert quote.speaker.name == "Jane Roe"
    assert quote.speaker.mention.text == "Jane Roe"


def test_a_document_speaks_for_its_author_as_it_and_by_its_kind(nlp):
    text = (
        "Senator Jane Roe filed a resolution on Monday.\n\n"
        "Roe's resolution said the rules were broken.\n\n"
        "It said the committee should act.\n\n"
        "The resolution claimed the vote was unfair."
    )
    assert [q.speaker.name for q in _quotes(nlp, text)] == ["Jane Roe"] * 3


def test_the_organisation_is_the_one_last_named(nlp):
    text = (
        "Acme Corporation opened a plant in Ohio.\n\n"
        "The company said in a statement that it would hire 200 workers."
    )
    assert _quotes(nlp, text)[-1].speaker.name == "Acme Corporation"


def test_speech_only_allowed_is_not_a_quote(nlp):
    assert _quotes(nlp, "The deal allows Republicans to say they kept their promise.") == []
    both = "The deal allows Republicans to say they won, and Democrats to say they kept the fund."
    assert _quotes(nlp, both) == []


def test_a_pronoun_does_not_reach_across_a_change_of_topic(nlp):
    near = "Jane Roe opened the fair on Monday. Rain is forecast. She said the fair would grow."
    assert _quotes(nlp, near)[-1].speaker.name == "Jane Roe"
    far = (
        "Jane Roe opened the fair on Monday.\n\nThe fair has run since 1950. Its rides are old. "
        "Tickets cost more this year. Parking is scarce. Rain is forecast. Crowds are expected."
        "\n\nShe said the fair would grow."
    )
    (quote,) = _quotes(nlp, far)
    assert quote.speaker.name is None
    assert quote.speaker.mention.text == "She"


def test_an_opening_description_is_the_person_introduced_just_after(nlp):
    text = (
        "The chairwoman of the committee said on Sunday that the plan was sound.\n\n"
        "The plan was published in May.\n\n"
        "But Senator Jane Roe noted that costs had risen."
    )
    assert [q.speaker.name for q in _quotes(nlp, text)] == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person named by their age is the person the text just gave that age.
        (
            "John Smith, 26, was arrested on Monday. The 26-year-old told police that he had "
            "been at home.",
            "John Smith",
        ),
        # A document speaks for whoever the article said made it.
        ("Acme Corp filed a suit.\n\nThe suit claims that the tax was illegal.", "Acme Corp"),
        ("A Times report described the deal.\n\nThe report said the talks had failed.", "Times"),
    ],
)
def test_descriptions_and_documents_resolve_to_who_the_article_names(nlp, text, speaker):
    assert _quotes(nlp, text)[-1].speaker.name == speaker


def test_a_colon_after_a_clause_with_no_reporting_verb_introduces_its_subjects_words(nlp):
    (quote,) = _quotes(nlp, 'Jane Roe had a message for voters: "Turn out on Tuesday."')
    assert (quote.speaker.name, quote.content.text) == ("Jane Roe", "Turn out on Tuesday.")
    assert _quotes(nlp, 'The list was short: "bread" and "milk".') == []


def test_a_colon_after_a_person_described_by_a_role_introduces_their_words(nlp):
    (quote,) = _quotes(nlp, 'The mayor offered a warning: "Stay at home on Friday."')
    assert (quote.speaker.mention.text, quote.content.text) == (
        "The mayor",
        "Stay at home on Friday.",
    )
    assert _quotes(nlp, 'The report had a clear conclusion: "Stay at home on Friday."') == []


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "Senator Ann Hill said there were reports that one of the fighters said he would "
            "return to the battlefield.",
            "he would return to the battlefield",
            "one of the fighters",
        ),
        # The speaker of a relative clause's cue is not the relative pronoun.
        (
            "The unions argued that the fee was an expansion of the tax, which they said "
            "applied only to imports.",
            "applied only to imports",
            "they",
        ),
    ],
)
def test_speech_reported_within_indirect_speech_is_a_quote_of_its_own(nlp, text, content, mention):
    outer, inner = _quotes(nlp, text)
    assert inner.content.text in outer.content.text
    assert (inner.content.text, inner.speaker.mention.text) == (content, mention)


@pytest.mark.parametrize(
    "text",
    [
        # One speaker's report of their own words is one utterance.
        "Mayor Tom Reed said he told the governor that the bridge had to close.",
        # ... also when nothing tells the reporter's gender, so "he" is left unresolved.
        "Reed said he told the governor that the bridge had to close.",
        # A noun-phrase message inside a report is the reporter's claim.
        "Senator Ann Hill said the unions demanded a fight.",
    ],
)
def test_report_within_a_report_that_is_not_a_quote_of_its_own(nlp, text):
    (quote,) = _quotes(nlp, text)
    assert quote.cue.text == "said"


def test_a_cue_alone_in_its_paragraph_closes_the_quote_before(nlp):
    text = (
        'Jane Roe spoke first.\n\n"Have they lost their minds?"\n\n'
        'Peter Grant asked mockingly.\n\n"You keep your advice."'
    )
    assert [(q.speaker.name, q.content.text) for q in _quotes(nlp, text)] == [
        ("Peter Grant", "Have they lost their minds?"),
        ("Peter Grant", "You keep your advice."),
    ]
    # A verb that is not a plain verb of saying closes nothing: the quote stays Roe's.
    text = 'Jane Roe said the plan was bad.\n\n"We will win."\n\nPeter Grant disagreed.'
    assert [q.speaker.name for q in _quotes(nlp, text)] == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Tom Reed was criticized for saying the bridge was safe.",
        "Critics took aim at Mayor Tom Reed for saying that the bridge was safe.",
        "Voters thanked Mayor Tom Reed for saying the bridge was safe.",
        "Mayor Tom Reed apologized for saying the bridge was safe.",
        "Mayor Tom Reed explained the delay by saying the bridge was safe.",
    ],
)
def test_the_speaker_of_for_saying_is_whose_saying_it_was(nlp, text):
    (quote,) = _quotes(nlp, text)
    assert (quote.speaker.name, quote.content.text) == ("Tom Reed", "the bridge was safe")


def test_a_person_named_by_their_role_can_be_whose_saying_it_was(nlp):
    (quote,) = _quotes(nlp, "Critics attacked the senator for saying the bridge was safe.")
    assert (quote.speaker.mention.text, quote.content.text) == (
        "the senator",
        "the bridge was safe",
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Levin's "advise" and "beg" verbs report speech too.
        ("Mayor Tom Reed notified the council that the bridge would close.", "the bridge"),
        ("Mayor Tom Reed implored voters to “turn out” on Sunday.", "turn out"),
    ],
)
def test_verbs_of_advising_and_begging_are_cues(nlp, text, words):
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Tom Reed"
    assert words in quote.content.text


def test_a_description_in_apposition_is_the_named_persons(nlp):
    # Not the person named inside the description's own relative clause.
    text = (
        "Senator Tom Reed spoke first.\n\n"
        "The report names Jane Roe, a former model who said she had met Reed in 2006."
    )
    (quote,) = _quotes(nlp, text)
    assert (quote.speaker.name, quote.speaker.mention.text) == ("Jane Roe", "a former model")


def test_a_participle_before_the_cue_is_what_the_speaker_did(nlp):
    text = "Citing the long delay at the bridge, Mayor Tom Reed responded with scorn."
    assert [q.cue.text for q in _quotes(nlp, text)] == ["Citing"]
    (quote,) = _quotes(nlp, "The bridge will close next week, Mayor Tom Reed said.")
    assert quote.content.text == "The bridge will close next week"


def test_a_plural_title_does_not_end_the_sentence(nlp):
    text = "Senator Ann Hill said she backs a plan by Sens. Tom Reed and Jane Roe to cut taxes."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Ann Hill"
    assert quote.content.text.endswith("Tom Reed and Jane Roe to cut taxes")


def test_a_negated_noun_phrase_message_is_no_quote(nlp):
    assert _quotes(nlp, "Senator Ann Hill did not mention the shooting at the clinic.") == []
    assert _quotes(nlp, "None of the three senators mentioned the clinic.") == []
    assert _quotes(nlp, "No senator mentioned the shooting at the clinic.") == []
    (quote,) = _quotes(nlp, "Senator Ann Hill did not say that the clinic was closed.")
    assert quote.content.text == "the clinic was closed"
    (quote,) = _quotes(nlp, "Senator Ann Hill mentioned the shooting at the clinic.")
    assert quote.content.text == "the shooting at the clinic"


def test_an_indefinite_opening_speaker_is_the_person_introduced_next(nlp):
    later = "\n\nJane Roe, the vice president of the union, spoke at a rally in Leeds."
    lede = "Taxes will rise next year, a senior union official told reporters on Friday."
    (quote,) = _quotes(nlp, lede + later)
    assert (quote.speaker.name, quote.speaker.mention.text) == (
        "Jane Roe",
        "a senior union official",
    )
    # Not an opening: someone is named before, so the official stays unnamed.
    (quote,) = _quotes(nlp, "Tom Reed spoke at a rally in Leeds.\n\n" + lede + later)
    assert quote.speaker.name is None


def test_a_document_no_one_is_credited_with_does_not_break_it(nlp):
    text = (
        "Senator Jane Roe filed a resolution on Monday.\n\n"
        "Roe's resolution said the rules were broken.\n\n"
        "Roe said the mayor should issue a statement that says the rules were broken.\n\n"
        "And it said the mayor should resign."
    )
    quotes = _quotes(nlp, text)
    assert quotes[-1].speaker.mention.text == "it"
    assert quotes[-1].speaker.name == "Jane Roe"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # The passive's agent is the speaker; without one the question is still reported,
        # by someone the text does not name.
        ("Mayor Tom Reed was asked by reporters whether the bridge would close.", "reporters"),
        ("It was announced by the ministry that the bridge would close.", "the ministry"),
        ("Mayor Tom Reed was asked whether the bridge would close.", None),
    ],
)
def test_passive_speech(nlp, text, mention):
    (quote,) = _quotes(nlp, text)
    assert quote.content.text.endswith("the bridge would close")
    assert (quote.speaker.mention.text if quote.speaker.mention else None) == mention
    assert _quotes(nlp, "Mayor Tom Reed was asked to resign.") == []


def test_a_subject_inside_the_quotation_is_not_the_speaker(nlp):
    text = '"The campaign is in trouble. Deep trouble," said Jane Roe, a party organiser in Leeds.'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.name == "Jane Roe"
    assert quote.speaker.mention is not None and quote.speaker.mention.text.startswith("Jane Roe")


def test_made_clear_reports_its_clause(nlp):
    (quote,) = _quotes(nlp, "Tom Reed made it clear on Monday that the plant would close.")
    assert (quote.speaker.name, quote.cue.text) == ("Tom Reed", "made it clear")
    assert quote.content.text == "the plant would close"
    (quote,) = _quotes(nlp, "Senator Ann Hill has made clear she will not back the bill.")
    assert quote.content.text == "she will not back the bill"
    assert _quotes(nlp, "Tom Reed made clear his opposition to the plan.") == []


def test_a_definite_member_of_a_group_is_the_person_described(nlp):
    text = (
        "Senator Ann Hill spoke in Columbus on Monday. The Ohio Democrat said the bill would fail."
    )
    assert _quotes(nlp, text)[-1].speaker.name == "Ann Hill"
    text = "Senator Ann Hill spoke in Columbus on Monday. Democrats said the bill would fail."
    assert _quotes(nlp, text)[-1].speaker.name is None


def test_a_quotation_opened_mid_sentence_and_running_on_is_the_subjects(nlp):
    text = (
        "Mayor Jane Roe focused on a push to end “the sale of old cars in the city.\n\n"
        "Period.\n\nIt is time.”"
    )
    quotes = _quotes(nlp, text)
    assert [(q.speaker.name, q.content.text) for q in quotes] == [
        ("Jane Roe", "the sale of old cars in the city."),
        ("Jane Roe", "Period."),
        ("Jane Roe", "It is time."),
    ]
    # One paragraph only: a scare quote, not speech.
    assert _quotes(nlp, "Mayor Jane Roe focused on a push to end “the sale” of cars.") == []


@pytest.mark.parametrize(
    "text",
    [
        "That said, the budget is balanced.",
        "Having said that, the plan will cost more than the mayor said.",
        "Speaking of taxes, the mayor has a plan.",
        "It is important to note that the plan would cost more.",
    ],
)
def test_the_writers_own_connectives_and_asides_are_not_quotes(nlp, text):
    # "That said" is a connective and "it is important to note" an extraposed infinitive
    # (Quirk et al. 1985): the writer speaks, not "That" or "It".
    assert _quotes(nlp, text) == []


def test_speaking_of_after_a_quote_is_still_the_speakers(nlp):
    quotes = _quotes(nlp, '"It will pass," said Jane Roe, speaking of the vote.')
    assert [q.content.text for q in quotes] == ["It will pass,", "the vote"]
    assert {q.speaker.name for q in quotes} == {"Jane Roe"}


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe declined to say whether she would run.",
        "Jane Roe refused to say when the plan would be paid for.",
        "Jane Roe failed to explain how the road would be built.",
    ],
)
def test_a_question_left_unanswered_is_no_quote(nlp, text):
    # Negative implicatives (Karttunen 1971): "declined to say whether" says nothing.
    assert _quotes(nlp, text) == []


def test_a_plainly_negated_question_stays_a_quote(nlp):
    # PolNeAR annotates "did not say whether ..." as an attribution, so it is kept.
    (quote,) = _quotes(nlp, "Jane Roe did not say whether she would run.")
    assert quote.content.text == "whether she would run"
    assert quote.speaker.name == "Jane Roe"


def test_a_quote_after_a_participle_of_saying_is_the_participles(nlp):
    # The parser hangs the quotation on "suggested"; "telling Channel 4 News" stands between.
    text = (
        "Jane Roe, the top Democrat on the panel, suggested that $2 billion was a sum "
        'Democrats could live with, telling Channel 4 News, "it\'s close to a deal."'
    )
    indirect, direct = _quotes(nlp, text)
    assert indirect.content.text == "$2 billion was a sum Democrats could live with"
    assert (direct.content.text, direct.cue.text) == ("it's close to a deal.", "telling")
    # The participle's speaker is the suggester, not "Democrats" inside her clause.
    assert direct.speaker.name == indirect.speaker.name == "Jane Roe"


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders spoke on the phone on Tuesday.",
        "Jane Roe spoke on the record.",
        "Jane Roe talked on the radio on Monday.",
    ],
)
def test_how_someone_spoke_is_not_what_they_said(nlp, text):
    assert _quotes(nlp, text) == []


def test_speaking_on_condition_of_anonymity_reports_only_the_claim(nlp):
    text = "An official, who spoke on condition of anonymity, said the talks had failed."
    (quote,) = _quotes(nlp, text)
    assert quote.content.text == "the talks had failed"


def test_what_someone_spoke_on_after_the_channel_is_the_message(nlp):
    (quote,) = _quotes(nlp, "Jane Roe spoke on television about the new budget.")
    assert quote.content.text == "the new budget"


def test_a_perfect_infinitive_inside_a_message_is_a_claim_of_its_own(nlp):
    text = "The two men discussed a payment to a nurse who claimed to have seen the letter."
    contents = {q.content.text: q.speaker.mention.text for q in _quotes(nlp, text)}
    assert contents.get("to have seen the letter") == "a nurse"


def test_orders_and_intentions_inside_a_message_stay_the_outer_speakers(nlp):
    text = "The two men discussed a payment to a nurse who vowed to fight the ruling."
    assert [q.cue.text for q in _quotes(nlp, text)] == ["discussed"]
