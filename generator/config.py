"""The MkDocs plugin's options, made from the dataclasses in ``settings.py``, so every
setting is declared (with its default and its comment) in one place only."""
from __future__ import annotations

import dataclasses
import datetime
import typing

from mkdocs.config import base
from mkdocs.config import config_options as c

from . import settings


def _option(definition: dataclasses.Field, hint):
    if dataclasses.is_dataclass(hint):
        return c.SubConfig(config_class(hint))
    kind = definition.metadata.get("path")
    if kind == "folder":
        return c.Dir(exists=True, default=definition.default)
    if kind == "file":
        return c.Optional(c.File(exists=False))
    if definition.metadata.get("many"):
        return c.ListOfItems(c.Choice(definition.metadata["choices"]), default=list(definition.default))
    if "choices" in definition.metadata:
        if definition.default is None:  # not chosen yet
            return c.Optional(c.Choice(definition.metadata["choices"]))
        return c.Choice(definition.metadata["choices"], default=definition.default)
    if definition.metadata.get("date"):  # YAML reads 2026-01-15 as a date
        return c.Optional(c.Type((str, datetime.date)))
    if hint == str | None:
        return c.Optional(c.Type(str))
    if hint is float:
        return c.Type((int, float), default=definition.default)
    return c.Type(hint, default=definition.default)


def config_class(settings_class: type) -> type[base.Config]:
    hints = typing.get_type_hints(settings_class)
    options = {
        definition.name: _option(definition, hints[definition.name])
        for definition in dataclasses.fields(settings_class)
        if "mkdocs" not in definition.metadata  # MkDocs' own settings, read from its config
    }
    return type(f"{settings_class.__name__}Config", (base.Config,), options)


WegweiserConfig = config_class(settings.Settings)
