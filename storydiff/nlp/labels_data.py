"""The terms news writing uses for groups of actors, and which of them are contested.

Every term is a lemma (single word) or a phrase of lemmas, mapped to the kind of actor it names
(``category``) and to whether it is loaded (``contested``): "rebels" and "terrorists" can
name the same fighters, "migrants" and "illegal aliens" the same people, and the stylebooks
recommend the first of each pair and advise attributing the second. Which loaded terms an
outlet uses in its own voice is what tells outlets apart.

Sources: the contested-terms guidance of the AP Stylebook ("terrorism", "militant", "illegal
immigrant" entries) and the Reuters Handbook of Journalism ("Terrorism", "Language"); the
BBC Editorial Guidelines on the language of conflict; the Media Bias/Fact Check and
GLAAD/Race Forward "Drop the I-Word" campaign lists for migration; and the actor categories
of the ACLED codebook (state forces, rebel groups, political militias, identity militias,
rioters, protesters, civilians). Add terms with ``register_terms`` or the ``extra_terms``
setting of the ``storydiff_labels`` component.
"""

from __future__ import annotations

from dataclasses import dataclass

ARMED_GROUPS = "armed groups"
STATE_FORCES = "state forces"
CIVIL_SOCIETY = "civil society"
PROTESTERS = "protesters"
MIGRANTS = "migrants"
OFFENDERS = "offenders"
POLITICAL_CAMPS = "political camps"
CIVILIANS = "civilians"
UNLISTED = "other groups"


@dataclass(frozen=True)
class Term:
    """One label: the kind of actor it names, and whether choosing it takes a side."""

    category: str
    contested: bool


def _terms(category: str, contested: bool, words: str) -> dict[str, Term]:
    return {w.replace("_", " "): Term(category, contested) for w in words.split()}


TERMS: dict[str, Term] = {
    # Loaded: they pass judgement on the group (the stylebooks advise attributing them).
    **_terms(
        ARMED_GROUPS,
        True,
        """
        terror terrorist terrorism jihadist jihadi jihadism extremist extremism radical
        islamist fundamentalist mujahideen mujahid freedom_fighter resistance_fighter martyr
        bandit
        """,
    ),
    # Descriptive: the terms the stylebooks recommend in their place.
    **_terms(
        ARMED_GROUPS,
        False,
        """
        militant insurgent insurgency rebel guerrilla guerilla separatist fighter militia
        militiaman combatant armed_group armed_opposition opposition_fighter
        armed_opposition_group opposition_group armed_man gunman paramilitary
        """,
    ),
    **_terms(
        STATE_FORCES,
        True,
        """
        regime junta occupier occupation_force invader aggressor death_squad
        """,
    ),
    **_terms(
        STATE_FORCES,
        False,
        """
        troop soldier army military government_force security_force armed_force
        government_troop pro-government_force loyalist police police_officer
        """,
    ),
    **_terms(
        PROTESTERS,
        True,
        "rioter mob looter thug agitator anarchist insurrectionist vandal hooligan",
    ),
    **_terms(PROTESTERS, False, "protester protestor demonstrator activist marcher striker"),
    **_terms(
        MIGRANTS,
        True,
        """
        illegal_immigrant illegal_alien illegal_migrant alien infiltrator economic_migrant
        """,
    ),
    **_terms(
        MIGRANTS,
        False,
        """
        migrant immigrant refugee asylum_seeker undocumented_immigrant undocumented_migrant
        displaced_person caravan caravan_member migrant_caravan immigrant_caravan
        """,
    ),
    **_terms(
        CIVIL_SOCIETY,
        False,
        "advocate advocacy_group rights_group human_rights_group campaigner watchdog",
    ),
    **_terms(OFFENDERS, True, "criminal gangster savage predator"),
    **_terms(OFFENDERS, False, "gang cartel suspect offender perpetrator attacker assailant"),
    **_terms(
        POLITICAL_CAMPS,
        False,
        """
        opposition elite globalist nationalist far-right far-left leftist populist
        """,
    ),
    **_terms(CIVILIANS, False, "civilian resident villager"),
}


def register_terms(terms: dict[str, Term]) -> None:
    """Add or override terms (lemmas or phrases of lemmas, lower case)."""
    TERMS.update(terms)


# Verbs of armed conflict and policing: a plural noun of people that does or suffers them is a
# group being labelled, even when the term is not listed ("the jihadis stormed the town").
CONFLICT_VERBS: frozenset[str] = frozenset(
    """
    attack kill shell bomb seize capture besiege ambush raid behead execute abduct kidnap
    loot riot shoot massacre slaughter torture terrorise terrorize
    """.split()
)

# The things a group label may modify and still name the group: "rebel stronghold", "militant
# camp", "terrorist attack". "Radical overhaul", "criminal charges" or "fighter jets" name none.
GROUP_PLACES_AND_DEEDS: frozenset[str] = frozenset(
    """
    stronghold camp base position territory enclave area zone region held hideout bastion
    commander leader chief group cell network faction force unit movement organisation
    organization attack activity violence threat fighter member supporter ranks militia
    """.split()
)

# Listed words with a common sense that is not a group of people, by the first senses of
# Merriam-Webster and Collins ("radical change", "militant stance", "criminal charges",
# "regime change", "fighter jets", "suspect package", "alien species", "Predator drone"). As a
# modifier such a word names a group only before a group, place or deed noun or another
# label ("regime forces", "radical jihadists"). Every other listed word labels
# before any noun ("terrorist rocket attack", "terror cases", "rebel aid"): as a modifier it
# still says what the outlet calls the people behind the thing.
OTHER_SENSES: frozenset[str] = frozenset(
    """
    radical extremist fundamentalist militant criminal savage predator elite nationalist
    populist leftist far-right far-left opposition establishment regime mob gang fighter
    guerrilla guerilla suspect alien caravan
    """.split()
)

# Contested words for people that a group is called by others and never calls itself (the
# AP and Reuters guidance advises attributing them because they are judgements): inside an
# organisation's name before a group noun ("the Nusra Terrorist Front", "Daesh Terrorist
# Group") they are the outlet's insertion, not the group's name. Other listed words in a name
# ("Free Syrian Army", "Islamic Jihad", "Rebel Media", "Joint Terrorism Task Force": a body
# that fights it) are the name.
OTHERS_WORDS: frozenset[str] = frozenset("terror terrorist extremist bandit thug gangster".split())

# Words before a label that distance the outlet from it without quotation marks, from the
# AP Stylebook ("so-called", "alleged") and Reuters Handbook ("alleged", "suspected")
# entries: "so-called rebels", "self-styled jihadists", "alleged terrorists". Kept as the
# label's ``hedge``; its voice stays what the quotation marks make it.
HEDGES: frozenset[str] = frozenset(
    """
    so-called self-styled self-proclaimed self-declared self-described alleged purported
    supposed suspected
    """.split()
)

# Phrases ending in a listed word that name a campaign, not a group: the US-led campaign
# since 2001 ("the war on terror") is a name, like "counter-terrorism" (lemmas).
NOT_LABELS: frozenset[str] = frozenset({"war on terror", "war on terrorism"})

# Nouns for a collection of people: "a gang of terrorists", "a pocket of terrorism".
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    "gang group band bunch pocket cell network handful horde mob crowd army swarm wave".split()
)

# Heads of group names whose modifier carries the label: "armed groups", "rebel forces".
GROUP_HEADS: frozenset[str] = frozenset(
    "group force faction movement organisation organization unit militia formation front".split()
)

# Endings of English nouns for people ("separatists", "loyalists", "protesters").
PERSON_NOUN_ENDINGS: tuple[str, ...] = (
    "ists",
    "ers",
    "ors",
    "ants",
    "ents",
    "ians",
    "ites",
    "ees",
    "is",
)
