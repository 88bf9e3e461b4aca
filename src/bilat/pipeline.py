"""Pipeline stages: callables Doc -> Doc that declare what they need and fill in.

Stages are registered in one place (``STAGE_ORDER`` below names them in order) and
composed by :func:`build_pipeline`, which checks every stage's needs are met.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .doc import Doc
from .errors import PipelineError, StageOrderError


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    func: Callable[[Doc], Doc]

    def __call__(self, doc: Doc) -> Doc:
        doc = self.func(doc)
        doc.done.update(self.provides)
        return doc


_REGISTRY: dict[str, Stage] = {}

# module that registers each stage, in pipeline order
STAGE_MODULES: dict[str, str] = {
    "inspect": "bilat.extract.inspect",
    "segment": "bilat.extract.segment",
    "ner": "bilat.extract.ner",
    "countries": "bilat.extract.countries",
    "times": "bilat.extract.times",
    "quantities": "bilat.extract.quantities",
    "persons": "bilat.extract.persons",
    "dyad": "bilat.extract.dyad",
    "events": "bilat.extract.events",
    "indicators": "bilat.extract.indicators",
    "commitments": "bilat.extract.commitments",
    "sectors": "bilat.extract.sectors",
}
STAGE_ORDER: tuple[str, ...] = tuple(STAGE_MODULES)


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()):
    """Decorator registering ``func`` as the stage ``name``."""

    def register(func: Callable[[Doc], Doc]) -> Stage:
        st = Stage(name, tuple(requires), tuple(provides), func)
        _REGISTRY[name] = st
        return st

    return register


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY:
        module = STAGE_MODULES.get(name)
        if module is None:
            raise PipelineError(f"unknown pipeline stage {name!r}; known: {', '.join(STAGE_ORDER)}")
        importlib.import_module(module)
    return _REGISTRY[name]


class Pipeline:
    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages

    def __call__(self, doc: Doc) -> Doc:
        for st in self.stages:
            doc = st(doc)
        return doc


def build_pipeline(names: Iterable[str] = STAGE_ORDER) -> Pipeline:
    stages = [get_stage(n) for n in names]
    filled = {"text", "published"}
    for st in stages:
        missing = [r for r in st.requires if r not in filled]
        if missing:
            raise StageOrderError(
                f"stage {st.name!r} needs {', '.join(missing)}, which no earlier stage fills in"
            )
        filled.update(st.provides)
    return Pipeline(stages)
