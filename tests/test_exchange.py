"""JSON export and import: round trip, validation with JSON paths, nothing half-imported."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri_app.paths import resource
from rekisteri_app.services.context import ServiceContext
from rekisteri_app.services.exchange import (
    InvalidDocument,
    export_document,
    export_json,
    import_document,
    validate_document,
)
from rekisteri_app.services.exchange_schema import render
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, SEEDS, FixedClock
from tests.exchange_samples import full_document


def new_ctx(path) -> ServiceContext:
    return ServiceContext(
        Database.create(path, PASSPHRASE),
        actor="t",
        clock=FixedClock(datetime(2026, 11, 23, tzinfo=UTC)),
    )


def test_the_committed_schema_is_the_generated_one():
    assert resource("schema", "rekisteri-export-v1.schema.json").read_text("utf-8") == render()


def test_export_import_export_is_identical(tmp_path, ctx):
    import_document(ctx, full_document())
    first = export_json(ctx)
    other = new_ctx(tmp_path / "other.db")
    import_document(other, json.loads(first))
    assert export_json(other) == first
    other.db.close()


def test_the_export_holds_every_field(ctx):
    import_document(ctx, full_document())
    doc = json.loads(export_json(ctx))
    reg = doc["registers"][0]
    assert doc["controllers"][0]["business_id"] == "0112038-9"  # normalised from FI…
    assert reg["retention_rules"][0]["data_category"] == reg["data_categories"][0]["key"]
    assert reg["transfers"][0]["processor"] == doc["processors"][0]["key"]
    assert doc["processors"][1]["parent"] == doc["processors"][0]["key"]
    assert doc["processors"][0]["services"] == ["newsletter mailing", "address cleaning"]
    req = doc["requests"][0]
    assert req["registers"] == [reg["key"]]
    assert req["rights"][0]["erasures"][1]["kept_until"] == "2036-11-20"
    assert req["attachments"][0]["sha256"]
    assert "audit.head" not in doc["settings"]


def snapshot(ctx) -> dict:
    with ctx.read() as s:
        doc = export_document(s)
    return doc


@pytest.mark.parametrize(
    "mutate,path",
    [
        (
            lambda d: d["registers"][0]["transfers"][0].update(safeguard="shield"),
            "$.registers[0].transfers[0].safeguard",
        ),
        (
            lambda d: d["controllers"][0].update(business_id="1234567-2"),
            "$.controllers[0].business_id",
        ),
        (lambda d: d["processors"][0].update(country="XX"), "$.processors[0].country"),
        (lambda d: d["requests"][0].update(received_on="2026-02-30"), "$.requests[0].received_on"),
        (
            lambda d: d["registers"][0]["processors"][0].update(processor="nobody"),
            "$.registers[0].processors[0].processor",
        ),
        (lambda d: d["registers"][0].update(colour="blue"), "$.registers[0]"),
        (lambda d: d["registers"][0].pop("name"), "$.registers[0]"),
    ],
)
def test_an_invalid_document_names_the_problem_and_changes_nothing(ctx, mutate, path):
    before = snapshot(ctx)
    doc = full_document()
    mutate(doc)
    with pytest.raises(InvalidDocument) as info:
        import_document(ctx, doc)
    assert path in [p.path for p in info.value.problems]
    assert snapshot(ctx) == before


def test_every_problem_is_reported_not_only_the_first():
    doc = full_document()
    doc["controllers"][0]["business_id"] = "123"
    doc["processors"][0]["country"] = "ZZ"
    problems = validate_document(doc)
    assert {p.path for p in problems} >= {"$.controllers[0].business_id", "$.processors[0].country"}


def test_a_clash_with_stored_data_is_refused(ctx):
    import_document(ctx, full_document())
    before = snapshot(ctx)
    with pytest.raises(InvalidDocument) as info:
        import_document(ctx, full_document())
    paths = [p.path for p in info.value.problems]
    assert "$.registers[0].name" in paths and "$.requests[0].case_number" in paths
    assert snapshot(ctx) == before


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_each_seed_fixture_imports_cleanly(ctx, seed):
    doc = json.loads(seed.read_text("utf-8"))
    assert validate_document(doc) == []
    counts = import_document(ctx, doc)
    assert counts["registers"] >= 1


# ------------------------------------------------------------------ hypothesis

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = list(_paths(full_document()))


@st.composite
def malformed_documents(draw):
    doc = copy.deepcopy(full_document())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        if not path:
            return draw(json_values)
        parent = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return doc


@pytest.fixture(scope="module")
def shared_ctx(tmp_path_factory):
    ctx = new_ctx(tmp_path_factory.mktemp("hyp") / "h.db")
    yield ctx
    ctx.db.close()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=malformed_documents())
def test_malformed_documents_never_crash_and_never_half_import(shared_ctx, doc):
    before = snapshot(shared_ctx)
    try:
        import_document(shared_ctx, doc)
    except InvalidDocument as exc:
        assert exc.problems
        assert all(p.path.startswith("$") for p in exc.problems)
        assert snapshot(shared_ctx) == before
