"""The five real notices, as JSON fixtures, fit the model and stay encrypted at rest."""

from __future__ import annotations

import json

import pytest

from rekisteri_app.services import entities
from rekisteri_app.services.exchange import entity_to_dict, import_document
from rekisteri_app.storage.models import Register
from tests.conftest import SEEDS
from tests.fixtures.seeds import expected


def flatten(value) -> str:
    """Every string of an exported register, one per line, to search in."""
    if isinstance(value, dict):
        return "\n".join(flatten(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(flatten(v) for v in value)
    return "" if value is None else str(value)


def import_seed(ctx, name: str) -> str:
    seed = next(p for p in SEEDS if p.stem == name)
    doc = json.loads(seed.read_text("utf-8"))
    import_document(ctx, doc)
    with ctx.read() as session:
        registers = session.query(Register).order_by(Register.id).all()
        text = [flatten(entity_to_dict(session, "registers", r)) for r in registers]
        controllers = [
            flatten(entities.get(ctx, "controllers", rc.controller.id))
            for r in registers
            for rc in r.controllers
        ]
    return "\n".join(text + controllers)


@pytest.mark.parametrize("name", sorted(expected.SECTIONS))
def test_every_section_of_the_notice_is_held_by_the_imported_register(ctx, name):
    held = import_seed(ctx, name)
    missing = {
        section: [s for s in strings if s not in held]
        for section, strings in expected.SECTIONS[name].items()
    }
    assert {k: v for k, v in missing.items() if v} == {}
    assert len(expected.SECTIONS[name]) >= 10  # the notice's sections, named one by one


def test_no_fixture_name_address_or_email_appears_in_the_raw_database_file(ctx, db_path):
    for seed in SEEDS:
        import_document(ctx, json.loads(seed.read_text("utf-8")))
    ctx.db.close()
    raw = db_path.read_bytes()
    needles = [
        s
        for group in (expected.PEOPLE, expected.ADDRESSES)
        for values in group.values()
        for s in values
    ]
    assert needles
    leaked = [s for s in needles if s.encode("utf-8") in raw or s.encode("utf-16-le") in raw]
    assert leaked == []
