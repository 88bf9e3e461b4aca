"""Pipeline stages: callables Doc -> Doc that declare what they need and fill in.

Stages are registered in one place (``STAGE_ORDER`` below names them in order) and
composed by :func:`build_pipeline`, which checks every stage's needs are met.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while one document is processed.

    A document makes hundreds of thousands of short-lived objects (tokens, words, matches);
    collections in the middle of it promote the live ones to older generations, which sets off
    full collections over every model, lexicon and word cache of the process (a fifth of the
    extraction time on ru_news). Held off, they die by reference counting first, and the
    collector runs at the next allocation after the document. Nothing is lost: a document's
    reference cycles are collected then. Only a collector that was on is paused, and the call
    that paused it turns it back on."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Pipeline:
    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages

    def __call__(self, doc: Doc) -> Doc:
        with cyclic_gc_paused():
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
