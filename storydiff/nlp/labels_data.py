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
        terrorist terrorism jihadist jihadi jihadism extremist extremism radical
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

# Nouns for a collection of people: "a gang of terrorists", "a pocket of terrorism".
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    "gang group band bunch pocket cell network handful horde mob crowd army swarm wave".split()
)

# Heads of group names whose modifier carries the label: "armed groups", "rebel forces".
GROUP_HEADS: frozenset[str] = frozenset(
    "group force faction movement organisation organization unit militia formation".split()
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
