"""storydiff's spaCy components declare what they read and write, and the pipeline gives it.

spaCy orders and checks a pipeline by what each component ``requires`` and ``assigns``
(``nlp.analyze_pipes``), so a declaration that leaves out what a component reads lets a user
build a pipeline that quietly finds nothing. What a component reads is taken from its code
(its module and the storydiff.nlp modules it imports, other components' modules aside): every
token and document attribute a parse, tagger or entity recogniser sets, and every ``doc._``
extension.
"""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTORIES = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][
    "spacy_factories"
]
COMPONENT_MODULES = {target.split(":")[0] for target in FACTORIES.values()}
# The stand-ins for spaCy's components write through Doc.from_array, not token attributes:
# they declare what the component they stand in for declares.
STAND_INS = {"storydiff_attribute_rules": "attribute_ruler", "storydiff_lemmas": "lemmatizer"}
# Python attributes of spaCy's Token, Span and Doc, by the declaration that stands for them.
ATTRIBUTES = {
    "token.dep": ("dep", "dep_"),
    "token.head": (
        *("head", "children", "lefts", "rights", "subtree", "ancestors"),
        *("left_edge", "right_edge", "conjuncts", "n_lefts", "n_rights"),
    ),
    "token.pos": ("pos", "pos_"),
    "token.tag": ("tag", "tag_"),
    "token.lemma": ("lemma", "lemma_"),
    "token.ent_type": ("ent_type", "ent_type_"),
    "token.ent_iob": ("ent_iob", "ent_iob_"),
    "token.is_sent_start": ("is_sent_start",),
    "token.morph": ("morph",),
    "doc.ents": ("ents",),
    "doc.sents": ("sents", "sent"),
}
DECLARATION = {attribute: d for d, attributes in ATTRIBUTES.items() for attribute in attributes}
# Set by the English pipelines' attribute_ruler (from the tag map), which declares nothing it
# assigns.
UNDECLARED_BY_SPACY = {"token.pos", "token.morph"}


def source(module: str) -> Path:
    return ROOT / (module.replace(".", "/") + ".py")


def modules_run_by(module: str, seen: set[str] | None = None) -> set[str]:
    """The component's module and the storydiff.nlp modules it imports, recursively."""
    seen = set() if seen is None else seen
    seen.add(module)
    for node in ast.walk(ast.parse(source(module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("storydiff.nlp"):
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            for name in names:
                if source(name).exists() and name not in seen | COMPONENT_MODULES:
                    modules_run_by(name, seen)
    return seen


def reads_and_writes(modules: set[str]) -> tuple[set[str], set[str]]:
    reads: set[str] = set()
    writes: set[str] = set()
    for module in modules:
        for node in ast.walk(ast.parse(source(module).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            if isinstance(node.value, ast.Attribute) and node.value.attr == "_":
                declared = f"doc._.{node.attr}"
            elif node.attr in DECLARATION:
                declared = DECLARATION[node.attr]
            else:
                continue
            (writes if isinstance(node.ctx, ast.Store) else reads).add(declared)
    return reads - writes, writes


@pytest.mark.parametrize("factory", sorted(set(FACTORIES) - set(STAND_INS)))
def test_a_component_declares_exactly_what_its_code_reads_and_writes(nlp, factory):
    module = FACTORIES[factory].split(":")[0]
    reads, writes = reads_and_writes(modules_run_by(module))
    meta = nlp.get_factory_meta(factory)
    assert sorted(meta.requires) == sorted(reads)
    assert sorted(meta.assigns) == sorted(writes)


@pytest.mark.parametrize("stand_in", sorted(STAND_INS))
def test_a_stand_in_declares_what_the_component_it_replaces_declares(nlp, stand_in):
    ours, theirs = nlp.get_factory_meta(stand_in), nlp.get_factory_meta(STAND_INS[stand_in])
    assert (ours.requires, ours.assigns) == (theirs.requires, theirs.assigns)


def test_the_pipeline_gives_every_component_what_it_requires(nlp):
    problems = nlp.analyze_pipes()["problems"]
    ours = [name for name in nlp.pipe_names if name.startswith("storydiff_")]
    # The English pipeline's entity labels are the kinds storydiff reads: nothing to rename.
    assert sorted(ours) == sorted(set(FACTORIES) - {"storydiff_entity_kinds"})
    for name in ours:
        assert set(problems[name]) <= UNDECLARED_BY_SPACY, name
    doc = nlp("The rebels said they would fight on.")
    # What the pipeline sets without declaring it.
    assert all(token.pos_ for token in doc)
    assert doc[1].morph.get("Number") == ["Plur"]


def test_every_factory_has_an_entry_point_that_registers_it():
    from spacy import registry
    from spacy.language import Language

    ours = {name for name in registry.factories.get_all() if name.startswith("storydiff_")}
    assert ours == set(FACTORIES)
    for name, target in FACTORIES.items():
        module, attribute = target.split(":")
        assert callable(getattr(importlib.import_module(module), attribute))
        assert Language.has_factory(name)
