"""Collects the sub-commands; each area of the product has its own module."""

from __future__ import annotations

import argparse

from . import (
    breach_commands,
    check_commands,
    db_commands,
    demo_commands,
    entity_commands,
    letter_commands,
    notice_commands,
    pack_commands,
    request_commands,
    safety_commands,
)

MODULES = (
    db_commands,
    entity_commands,
    check_commands,
    demo_commands,
    request_commands,
    letter_commands,
    notice_commands,
    pack_commands,
    safety_commands,
    breach_commands,
)


def register_all(sub: argparse._SubParsersAction) -> None:
    for module in MODULES:
        module.register(sub)
