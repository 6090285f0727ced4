"""Which language an article is in, from its script and its commonest function words, with
py3langid's classifier when they do not decide.

A script that names its language decides at once; otherwise the commonest function words of
each language are counted, and a clear lead (enough words, well ahead of the next language)
decides: that is every ordinary article, and costs nothing. A short or mixed text, or one in
a language without a word list, goes to py3langid (Lui and Baldwin's langid.py, whose model
ships inside the package), loaded only then. ``benchmarks/language.py`` measures both. The
word lists are the most frequent function words of each language in the Leipzig Corpora
Collection's news corpora; the script names are Unicode's.
"""

from __future__ import annotations

import re
from collections import Counter

from storydiff.clean.lines import letter_scripts

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for on was with he it as by said".split()),
    "fr": frozenset("le la les de des et un une du en est que pour dans qui au sur".split()),
    "de": frozenset("der die und das den von zu ist mit des nicht sich auf für dem ein".split()),
    "es": frozenset("el la de que y los en las del se por un una con para es".split()),
    "it": frozenset("il di che la e un per del della non è le una con sono gli".split()),
    "pt": frozenset("o a de que e do da em os um para com não uma no na".split()),
    "nl": frozenset("de het een van en in is dat op te voor met zijn niet".split()),
    "ru": frozenset("и в не на что с по как он это из к о для".split()),
    "uk": frozenset("і в на не що з та до у як за від це про".split()),
}
# Scripts that name their language outright.
SCRIPT_LANGUAGES = {
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
}
_WORD = re.compile(r"[^\W\d_]+")
# The function words decide when the leader has at least this many and this share more than
# the next language (tuned on benchmarks/language.py's dev part).
DECISIVE_COUNT = 6
DECISIVE_LEAD = 2.0
# Below this many letters a text says too little for either method.
MIN_LETTERS = 12
_SAMPLE = 20000


def detect_language(text: str, default: str = "en") -> str:
    """An ISO 639-1 code; ``default`` when the text gives too little to tell."""
    sample = text[:_SAMPLE]
    scripts = letter_scripts(sample)
    if not scripts or sum(scripts.values()) < MIN_LETTERS:
        return default
    script = scripts.most_common(1)[0][0]
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    words = Counter(w.lower() for w in _WORD.findall(sample))
    scores = sorted(
        (
            (sum(words[w] for w in vocabulary), language)
            for language, vocabulary in FUNCTION_WORDS.items()
            if (script == "CYRILLIC") == (language in {"ru", "uk"})
        ),
        reverse=True,
    )
    if scores and scores[0][0] >= DECISIVE_COUNT:
        runner_up = scores[1][0] if len(scores) > 1 else 0
        if scores[0][0] >= DECISIVE_LEAD * runner_up:
            return scores[0][1]
    return _classified(sample[:2000]) or default


def _classified(text: str) -> str | None:
    """py3langid's answer, imported (and its model loaded) the first time it is asked."""
    import py3langid

    language, _ = py3langid.classify(text)
    return str(language) if language else None


def stated_or_detected(stated: str | None, text: str) -> tuple[str, str | None]:
    """The article's language, and the language its text reads as when that differs: a
    language the input states (an HTML ``lang``, a record's ``language``) is used as given,
    its primary subtag lower-cased ("fr-FR" is "fr"); else the detected one."""
    detected = detect_language(text)
    primary = (stated or "").strip().lower().replace("_", "-").split("-")[0]
    if not re.fullmatch("[a-z]{2,3}", primary):
        return detected, None
    return primary, detected if detected != primary else None
