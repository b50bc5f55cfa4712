"""The shipped wording: same structure in every language, placeholders that can be filled."""

from __future__ import annotations

import pytest

from rekisteri_app.documents.letters import (
    KNOWN_PLACEHOLDERS,
    MissingPlaceholder,
    default_templates,
    placeholders,
    template_placeholders,
    template_text,
    unknown_placeholders,
)
from rekisteri_app.documents.letters.compose import placeholder_values, split_wording
from rekisteri_app.documents.letters.templates import Filler, catalogue
from rekisteri_app.domain.enums import (
    Authority,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterKind,
    Outcome,
    Right,
    Safeguard,
    SentVia,
)
from tests.letter_samples import sample_letter


def keys(value, prefix=""):
    if isinstance(value, dict):
        return {k for key, v in value.items() for k in keys(v, f"{prefix}{key}.")}
    return {prefix.rstrip(".")}


def test_every_language_has_the_same_keys():
    fi = keys(dict(catalogue(Language.FI)))
    for lang in (Language.SV, Language.EN):
        assert keys(dict(catalogue(lang))) == fi, lang


@pytest.mark.parametrize("lang", list(Language))
def test_every_enum_value_is_worded(lang):
    cat = catalogue(lang)
    assert set(cat["kinds"]) == {k.value for k in LetterKind}
    assert set(cat["rights"]) == {r.value for r in Right}
    assert set(cat["outcomes"]) == {o.value for o in Outcome}
    assert set(cat["safeguards"]) == {s.value for s in Safeguard}
    assert set(cat["legal_bases"]) == {b.value for b in LegalBasisArticle}
    assert set(cat["identity_methods"]) == {m.value for m in IdentityMethod}
    assert set(cat["representative_roles"]) == {a.value for a in Authority}
    assert set(cat["sent_via"]) == {s.value for s in SentVia}


@pytest.mark.parametrize("lang", list(Language))
def test_every_placeholder_in_the_templates_is_known(lang):
    cat = catalogue(lang)
    engine_local = {"right", "outcome", "reason", "article", "category", "kept_until"}
    engine_local |= {"register_name", "country", "recipient", "safeguard", "value"}
    engine_local |= {"notified_on", "document", "name", "contact", "scope"}
    texts = [e[f] for e in cat["kinds"].values() for f in ("document_name", "subject", "body")]
    texts += list(cat["blocks"].values())
    for text in texts:
        assert not unknown_placeholders(text, engine_local), text


@pytest.mark.parametrize("lang", list(Language))
@pytest.mark.parametrize("kind", list(LetterKind))
def test_samples_fill_every_placeholder(kind, lang):
    values = placeholder_values(sample_letter(kind, lang))
    assert set(placeholders(kind, lang)) <= set(values)


def test_template_api():
    text = template_text(LetterKind.EXTENSION, Language.FI)
    assert "{extended_due_date}" in text
    assert placeholders(LetterKind.EXTENSION, Language.FI) == (
        "received_date",
        "case_number",
        "extension_reasons",
        "extended_due_date",
    )
    defaults = default_templates()
    assert set(defaults) == set(Language)
    assert all(set(per_lang) == set(LetterKind) for per_lang in defaults.values())
    assert defaults[Language.SV][LetterKind.EXTENSION] == template_text("extension", "sv")
    assert "subject_name" in KNOWN_PLACEHOLDERS


def test_placeholder_syntax():
    assert template_placeholders("{a} {b} {a} {{c}} {1x} {x.y}") == ("a", "b")
    assert unknown_placeholders("{due_date} {dew_date}") == ("dew_date",)


def test_filler_never_reaches_attributes_and_never_reparses_values():
    filler = Filler({"name": "{due_date} & <b>"})
    assert (
        filler.fill("{name} {{literal}} {x.__class__}")
        == "{due_date} & <b> {literal} {x.__class__}"
    )
    assert not filler.missing


def test_filler_collects_all_missing_names():
    filler = Filler({"a": "1", "blank": "  "})
    assert filler.fill("{a}{b}{blank}{c}") == "1"
    with pytest.raises(MissingPlaceholder) as info:
        filler.check()
    assert info.value.names == ("b", "blank", "c")
    assert isinstance(info.value, ValueError)
    assert "b, blank, c" in str(info.value)


def test_wording_splits_into_paragraphs_and_list_items():
    blocks = split_wording("First line\ncontinues.\n\nIntro:\n- one\n- two\n\nLast.")
    assert [(b.text, b.style) for b in blocks] == [
        ("First line continues.", "body"),
        ("Intro:", "body"),
        ("one", "item"),
        ("two", "item"),
        ("Last.", "body"),
    ]
