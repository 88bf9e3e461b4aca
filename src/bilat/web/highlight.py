"""An article's text cut into segments, each marked with the facts whose evidence covers it.

Evidence spans may nest or overlap (a person mention inside an event's sentence), so the text is
cut at every span boundary and each piece lists the spans over it. The template escapes the text;
nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FACT_KINDS = ("event", "indicator", "commitment")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # event, indicator, commitment, person, requested
    label: str

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"


@dataclass(slots=True)
class Segment:
    text: str
    spans: list[Span] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # evidence keys starting here

    @property
    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.spans})

    @property
    def keys(self) -> list[str]:
        return sorted({s.key for s in self.spans if s.kind != "person"})

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(f"{s.kind}: {s.label}" for s in self.spans))


def _label(kind: str, item: dict) -> str:
    if kind == "event":
        return " ".join(filter(None, [item.get("type"), item.get("date"), item.get("place")]))
    if kind == "indicator":
        return " ".join(filter(None, [item.get("kind"), item.get("scope"), item.get("period")]))
    return " ".join(filter(None, [item.get("kind"), item.get("due")]))


def record_spans(record: dict | None, text_length: int) -> list[Span]:
    """Evidence spans of every fact and person mention in an extraction record."""
    if not record:
        return []
    spans = []
    for kind, items in (("event", "events"), ("indicator", "indicators"),
                        ("commitment", "commitments")):  # fmt: skip
        for item in record.get(items, []):
            ev = item.get("evidence") or {}
            spans.append(Span(ev.get("start", -1), ev.get("end", -1), kind, _label(kind, item)))
    for person in record.get("persons", []):
        for m in person.get("mentions", []):
            spans.append(Span(m["start"], m["end"], "person", person["name"]))
    return [s for s in spans if 0 <= s.start < s.end <= text_length]


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; the pieces joined give ``text`` back."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[str]] = {}
    for s in spans:
        if s.kind != "person":
            starts.setdefault(s.start, [])
            if s.key not in starts[s.start]:
                starts[s.start].append(s.key)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        over = [s for s in spans if s.start <= a and s.end >= b]
        out.append(Segment(text[a:b], over, starts.get(a, [])))
    return out


def parse_key(value: str | None, text_length: int) -> Span | None:
    """A requested span ``START-END`` (from ``?hl=``) when it lies inside the text."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.isdigit() or not end.isdigit():
        return None
    s, e = int(start), int(end)
    if 0 <= s < e <= text_length:
        return Span(s, e, "requested", "linked evidence")
    return None


def fact_list(record: dict | None) -> list[dict]:
    """The record's facts in text order, for the side panel."""
    if not record:
        return []
    facts = []
    for kind, items in (("event", "events"), ("indicator", "indicators"),
                        ("commitment", "commitments")):  # fmt: skip
        for item in record.get(items, []):
            ev = item.get("evidence") or {}
            if "start" in ev:
                facts.append({"kind": kind, "label": _label(kind, item), "start": ev["start"],
                              "end": ev["end"], "quote": ev.get("text", ""), "item": item})  # fmt: skip
    facts.sort(key=lambda f: (f["start"], f["end"]))
    return facts
