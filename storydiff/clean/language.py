"""Which language an article is in, from its script and its commonest function words.

Good enough to tell an English article from a French, German or Russian one, which is what
the pipeline needs to know (its English models are wrong for the others). The word lists are
the most frequent function words of each language in the Leipzig Corpora Collection's news
corpora; the script names are Unicode's.
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


def detect_language(text: str, default: str = "en") -> str:
    """An ISO 639-1 code; ``default`` when the text gives too little to tell."""
    scripts = letter_scripts(text[:20000])
    if not scripts:
        return default
    script = scripts.most_common(1)[0][0]
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    scores = {
        language: sum(words[w] for w in vocabulary)
        for language, vocabulary in FUNCTION_WORDS.items()
        if (script == "CYRILLIC") == (language in {"ru", "uk"})
    }
    if not scores or max(scores.values()) < 3:
        return default
    return max(scores, key=lambda language: scores[language])
