"""Collects the sub-commands; each area of the product has its own module."""

from __future__ import annotations

import argparse


def register_all(sub: argparse._SubParsersAction) -> None:
    from . import db_commands, entity_commands

    for module in (db_commands, entity_commands):
        module.register(sub)
    for optional in (
        "check_commands",
        "demo_commands",
        "request_commands",
        "letter_commands",
        "notice_commands",
    ):
        try:
            module = __import__(f"{__package__}.{optional}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{optional}":
                raise
            continue
        module.register(sub)
