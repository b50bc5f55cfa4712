"""Every user-visible string is in the Finnish and Swedish catalogues, compiled and current."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def source_messages() -> set[str]:
    """What scripts/i18n.py extracts, by the same babel.cfg: Python and the .ui forms."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT), method_map=method_map, options_map=options_map, keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(lang: str, kind: str):
    path = TRANSLATIONS / lang / "LC_MESSAGES" / f"rekisteri.{kind}"
    with path.open("rb") as handle:
        return read_po(handle) if kind == "po" else read_mo(handle)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_source_string_is_translated(lang):
    po = catalogue(lang, "po")
    missing = sorted(
        m
        for m in source_messages()
        if not (
            po.get(m)
            and (po.get(m).string if isinstance(po.get(m).string, str) else all(po.get(m).string))
        )
    )
    assert missing == [], f"{len(missing)} untranslated in {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_compiled_catalogues_match_their_sources(lang):
    po, mo = catalogue(lang, "po"), catalogue(lang, "mo")

    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    def strings(cat):
        def given(text):
            return all(text) if isinstance(text, list | tuple) else bool(text)

        return {
            frozen(m.id): frozen(m.string) for m in cat if m.id and given(m.string) and not m.fuzzy
        }

    def real(cat):  # a plural entry compiled without translation falls back to its msgid
        return {key: text for key, text in strings(cat).items() if text != key}

    assert real(po) == real(mo), "run: python scripts/i18n.py"


def test_placeholders_survive_translation():
    import re

    for lang in ("fi", "sv"):
        for message in catalogue(lang, "po"):
            if not message.id or not message.string or isinstance(message.id, tuple):
                continue
            names = set(re.findall(r"\{(\w+)", message.id))
            assert names == set(re.findall(r"\{(\w+)", message.string)), (lang, message.id)


def _pairs(lang: str):
    """(source, translation) pairs, plural forms included."""
    for message in catalogue(lang, "po"):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            yield ids[-1], text


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_plural_forms_keep_their_placeholders(lang):
    import re

    for source, text in _pairs(lang):
        assert set(re.findall(r"\{(\w+)", source)) >= set(re.findall(r"\{(\w+)", text)), source


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_menu_accelerators_survive_translation(lang):
    """A menu item keeps exactly one Alt+letter shortcut in every language."""
    for source, text in _pairs(lang):
        if "&" in source.replace("&&", ""):
            assert text.replace("&&", "").count("&") == 1, (lang, source, text)


def _package_trees():
    import ast

    for path in sorted((ROOT / "rekisteri_app").rglob("*.py")):
        yield path.relative_to(ROOT), ast.parse(path.read_text(encoding="utf-8"))


def _keyword_call(node) -> bool:
    import ast

    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS
    )


def test_no_message_is_translated_inside_an_f_string():
    """Babel does not look inside f-strings: `f"{_('Text')}"` never reaches the catalogue
    and stays English in every language. Translate first, then format or concatenate;
    even `f"{_(name)}"` is refused, so that the one safe form is the only form."""
    import ast

    found = []
    for path, tree in _package_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                found += [
                    f"{path}:{call.lineno} {ast.unparse(call)}"
                    for call in ast.walk(node)
                    if _keyword_call(call)
                ]
    assert found == []


def test_n_marks_only_literal_messages():
    """`N_(x)` marks `x` for extraction, which sees only a literal: `N_(name)` or
    `N_(f"...")` marks nothing and the text stays English. (`_(name)` of an N_-marked
    constant is the intended use and stays allowed.)"""
    import ast

    found = []
    for path, tree in _package_trees():
        for node in ast.walk(tree):
            if _keyword_call(node) and node.func.id == "N_":
                literal = (
                    len(node.args) == 1
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                )
                if not literal:
                    found.append(f"{path}:{node.lineno} {ast.unparse(node)}")
    assert found == []


def test_translated_text_is_formatted_after_translation():
    """`_("Case {n}".format(n=1))` looks up the formatted text, which no catalogue has."""
    import ast

    found = []
    for path, tree in _package_trees():
        for node in ast.walk(tree):
            if _keyword_call(node) and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.JoinedStr | ast.BinOp) or (
                    isinstance(arg, ast.Call)
                    and isinstance(arg.func, ast.Attribute)
                    and arg.func.attr == "format"
                ):
                    found.append(f"{path}:{node.lineno} {ast.unparse(node)}")
    assert found == []
