"""The one accessor for per-language texts of stored registers, controllers and the rest.

Notices use it now; letters (issue 10) are meant to use it too. The rule it applies is in
domain/translations.py: a column holds the primary-language text (`Register.language`),
`translations` the others; controllers, processors and data protection officers are
read in the primary language of the register that prints them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..domain import translations as t
from ..storage import models as m

DEFAULT_LANGUAGE = t.DEFAULT_LANGUAGE
MissingText = t.MissingText


def primary_language(obj: Any) -> str:
    """The primary language of a register (or of anything that has a `language`)."""
    return getattr(obj, "language", None) or DEFAULT_LANGUAGE


def localized(obj: Any, field: str, lang: str, primary: str | None = None) -> str | None:
    """The text of `obj.field` in `lang`, or None when that language has none.

    `primary` is the language the columns are written in; by default the object's own
    `language` (a register), else Finnish. Pass the register's for its items and for the
    controllers, processors and officers it prints.
    """
    return t.pick(
        getattr(obj, field, None),
        getattr(obj, "translations", None),
        field,
        lang,
        primary or primary_language(obj),
    )


def text_in(obj: Any, field: str, lang: str, primary: str | None = None) -> str:
    """What a document in `lang` prints for `obj.field`: the `lang` text, else the primary
    text as recorded ("" when blank). Missing translations are the checker's to list."""
    return t.pick_or_primary(
        getattr(obj, field, None),
        getattr(obj, "translations", None),
        field,
        lang,
        primary or primary_language(obj),
    )


def published_languages(register: m.Register) -> tuple[str, ...]:
    """The languages the officer publishes this register's notice in (primary first)."""
    return t.published_languages({"language": register.language, "languages": register.languages})


def missing_texts(session: Session, register: m.Register, lang: str) -> list[t.MissingText]:
    """Every text of the register, its controllers and their officers that has no `lang`
    version (paths inside each entity's exchange form; `entity` says whose)."""
    from .exchange import entity_to_dict

    data = entity_to_dict(session, "registers", register)
    primary = primary_language(register)
    out = t.register_missing(data, lang)
    seen: set[int] = set()
    for link in register.controllers:
        controller = link.controller
        if controller.id in seen:
            continue
        seen.add(controller.id)
        key = f"controller-{controller.id}"
        cdata = entity_to_dict(session, "controllers", controller)
        out += t.missing_in("controller", cdata, lang, primary, entity=key)
        for i, contact in enumerate(cdata.get("contacts") or []):
            out += t.missing_in("contacts", contact, lang, primary, f"$.contacts[{i}]", key)
        if controller.dpo is not None:
            ddata = entity_to_dict(session, "dpos", controller.dpo)
            dkey = f"dpo-{controller.dpo.id}"
            if all(mt.entity != dkey for mt in out):
                out += t.missing_in("dpo", ddata, lang, primary, entity=dkey)
    return out
