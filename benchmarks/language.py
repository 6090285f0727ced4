"""How often ``detect_language`` names an article's language, on sentences of our own making.

Why this exists: the pipeline an article goes through (and so whether its quotes, labels and
figures mean anything) hangs on its detected language. The test sentences are built here from
small tables of our own writing, news-like clauses in six languages (a subject, a verb of
news, an object, a place and a time), so nothing is copied from any corpus: 150 single
sentences and 150 runs of three per language, 1,800 in all. The seeds decide the split:
``dev`` (tune the thresholds on it) and ``check`` (reported apart). Each sample is scored
exactly (the code must be the language's). Then real English news: 300 sentences of the
SEESAW train articles (read from ``../shared/eval-data/seesaw`` when present, never copied;
the first sentences of five words or more, in triplet order), each of which must read as
English, since a misread English sentence would lose its full analysis.

Usage (from the repository root)::

    python benchmarks/language.py [--seesaw DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_gold import DEFAULT_SEESAW, read_triplet  # noqa: E402

from storydiff.clean.language import detect_language  # noqa: E402

# language -> (subjects, verbs with their objects, places, times), each a list of phrases.
TABLES: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "en": (
        [
            "The minister",
            "Police officers",
            "The city council",
            "A spokesman for the army",
            "Local residents",
            "The opposition leader",
            "Aid workers",
            "The central bank",
        ],
        [
            "announced new measures",
            "said the talks had failed",
            "rejected the proposal",
            "warned of further violence",
            "confirmed that two people had died",
            "called for calm",
            "raised interest rates",
            "denied the reports",
        ],
        [
            "in the capital",
            "near the border",
            "at a press conference",
            "in the north of the country",
            "outside the parliament",
            "in a statement",
        ],
        ["on Monday", "last week", "this morning", "after the vote", "late on Friday", "again"],
    ),
    "fr": (
        [
            "Le ministre",
            "Les policiers",
            "Le conseil municipal",
            "Un porte-parole de l'armée",
            "Les habitants",
            "Le chef de l'opposition",
            "Les humanitaires",
            "La banque centrale",
        ],
        [
            "a annoncé de nouvelles mesures",
            "a déclaré que les discussions avaient échoué",
            "a rejeté la proposition",
            "a mis en garde contre de nouvelles violences",
            "a confirmé que deux personnes étaient mortes",
            "a appelé au calme",
            "a relevé ses taux",
            "a démenti les informations",
        ],
        [
            "dans la capitale",
            "près de la frontière",
            "lors d'une conférence de presse",
            "dans le nord du pays",
            "devant le parlement",
            "dans un communiqué",
        ],
        [
            "lundi",
            "la semaine dernière",
            "ce matin",
            "après le vote",
            "vendredi soir",
            "de nouveau",
        ],
    ),
    "de": (
        [
            "Der Minister",
            "Polizisten",
            "Der Stadtrat",
            "Ein Sprecher der Armee",
            "Die Anwohner",
            "Der Oppositionsführer",
            "Helfer",
            "Die Zentralbank",
        ],
        [
            "kündigte neue Maßnahmen an",
            "sagte, die Gespräche seien gescheitert",
            "lehnte den Vorschlag ab",
            "warnte vor weiterer Gewalt",
            "bestätigte, dass zwei Menschen gestorben seien",
            "rief zur Ruhe auf",
            "erhöhte die Zinsen",
            "wies die Berichte zurück",
        ],
        [
            "in der Hauptstadt",
            "nahe der Grenze",
            "auf einer Pressekonferenz",
            "im Norden des Landes",
            "vor dem Parlament",
            "in einer Erklärung",
        ],
        [
            "am Montag",
            "letzte Woche",
            "heute Morgen",
            "nach der Abstimmung",
            "am späten Freitag",
            "erneut",
        ],
    ),
    "es": (
        [
            "El ministro",
            "Los policías",
            "El ayuntamiento",
            "Un portavoz del ejército",
            "Los vecinos",
            "El líder de la oposición",
            "Los cooperantes",
            "El banco central",
        ],
        [
            "anunció nuevas medidas",
            "dijo que las conversaciones habían fracasado",
            "rechazó la propuesta",
            "advirtió de más violencia",
            "confirmó que dos personas habían muerto",
            "pidió calma",
            "subió los tipos de interés",
            "desmintió las informaciones",
        ],
        [
            "en la capital",
            "cerca de la frontera",
            "en una rueda de prensa",
            "en el norte del país",
            "frente al parlamento",
            "en un comunicado",
        ],
        [
            "el lunes",
            "la semana pasada",
            "esta mañana",
            "tras la votación",
            "el viernes por la noche",
            "de nuevo",
        ],
    ),
    "it": (
        [
            "Il ministro",
            "Gli agenti",
            "Il consiglio comunale",
            "Un portavoce dell'esercito",
            "Gli abitanti",
            "Il leader dell'opposizione",
            "Gli operatori umanitari",
            "La banca centrale",
        ],
        [
            "ha annunciato nuove misure",
            "ha detto che i colloqui sono falliti",
            "ha respinto la proposta",
            "ha messo in guardia da nuove violenze",
            "ha confermato che due persone sono morte",
            "ha chiesto calma",
            "ha alzato i tassi",
            "ha smentito le notizie",
        ],
        [
            "nella capitale",
            "vicino al confine",
            "durante una conferenza stampa",
            "nel nord del paese",
            "davanti al parlamento",
            "in una nota",
        ],
        ["lunedì", "la settimana scorsa", "stamattina", "dopo il voto", "venerdì sera", "di nuovo"],
    ),
    "ru": (
        [
            "Министр",
            "Полицейские",
            "Городской совет",
            "Представитель армии",
            "Местные жители",
            "Лидер оппозиции",
            "Волонтёры",
            "Центральный банк",
        ],
        [
            "объявил о новых мерах",
            "заявил, что переговоры провалились",
            "отклонил предложение",
            "предупредил о новом насилии",
            "подтвердил, что два человека погибли",
            "призвал к спокойствию",
            "повысил ставку",
            "опроверг сообщения",
        ],
        [
            "в столице",
            "у границы",
            "на пресс-конференции",
            "на севере страны",
            "у здания парламента",
            "в заявлении",
        ],
        [
            "в понедельник",
            "на прошлой неделе",
            "сегодня утром",
            "после голосования",
            "поздно в пятницу",
            "снова",
        ],
    ),
}
SINGLES = 150
TRIPLES = 150


def sentence(rng: random.Random, language: str) -> str:
    subjects, verbs, places, times = TABLES[language]
    parts = [rng.choice(subjects), rng.choice(verbs), rng.choice(places), rng.choice(times)]
    if rng.random() < 0.5:
        parts[2], parts[3] = parts[3], parts[2]
    return " ".join(parts) + "."


def samples(split: str) -> list[tuple[str, str, str]]:
    """(language, shape, text) for every sample of the split."""
    seed = {"dev": 1, "check": 2}[split]
    found = []
    for language in TABLES:
        rng = random.Random(f"{seed}-{language}")
        found += [(language, "single", sentence(rng, language)) for _ in range(SINGLES // 2)]
        found += [
            (language, "triple", " ".join(sentence(rng, language) for _ in range(3)))
            for _ in range(TRIPLES // 2)
        ]
    return found


def score(split: str) -> dict[str, object]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: Counter[str] = Counter()
    for language, shape, text in samples(split):
        found = detect_language(text)
        for key in (language, shape, "all"):
            total[key] += 1
            right[key] += found == language
        if found != language:
            confusions[f"{language}->{found}"] += 1
    return {
        "accuracy": {key: round(right[key] / total[key], 3) for key in total},
        "samples": dict(total),
        "confusions": dict(confusions.most_common()),
    }


SEESAW_SENTENCES = 300


def seesaw_sentences(root: Path) -> list[str]:
    """The first ``SEESAW_SENTENCES`` sentences of five words or more of the train triplets."""
    found: list[str] = []
    for meta in sorted((root / "meta").glob("TRIPLET_*.json")):
        if json.loads(meta.read_text(encoding="utf-8")).get("Split") != "train":
            continue
        for article in read_triplet(root, meta.stem.removeprefix("TRIPLET_")):
            for start, end in zip(article.sentence_starts, article.sentence_ends, strict=True):
                if len(article.text[start:end].split()) >= 5:
                    found.append(article.text[start:end])
                if len(found) == SEESAW_SENTENCES:
                    return found
    return found


def score_seesaw(root: Path) -> dict[str, object]:
    sentences = seesaw_sentences(root)
    found = Counter(detect_language(s) for s in sentences)
    return {
        "accuracy": round(found["en"] / len(sentences), 3) if sentences else None,
        "samples": len(sentences),
        "read_as": dict(found.most_common()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seesaw", type=Path, default=DEFAULT_SEESAW)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {split: score(split) for split in ("dev", "check")}
    if args.seesaw.is_dir():
        results["seesaw"] = score_seesaw(args.seesaw)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for split, result in results.items():
        if split == "seesaw":
            print(f"SEESAW English sentences: {result['accuracy']} of {result['samples']}")
            print(f"  read as: {result['read_as']}")
            continue
        accuracy = result["accuracy"]
        assert isinstance(accuracy, dict)
        print(f"{split}: " + "  ".join(f"{k} {v:.3f}" for k, v in accuracy.items()))
        print(f"  confusions: {result['confusions'] or 'none'}")


if __name__ == "__main__":
    main()
