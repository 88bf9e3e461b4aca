"""The pair dossier as Markdown: every fact with its source document and quote."""

from __future__ import annotations

from .names import country_name

STATUS_ORDER = ("overdue", "pending", "fulfilled")


def money(value: float, unit: str) -> str:
    if unit in {"USD", "EUR", "KZT", "RUB", "CNY"}:
        for div, word in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
            if abs(value) >= div:
                return f"{value / div:,.1f} {word} {unit}"
        return f"{value:,.0f} {unit}"
    if unit == "t":
        return f"{value:,.0f} t"
    return f"{value:,.0f} {unit}"


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def more(n: int, what: str) -> str:
    """``and 1 more report``, ``and 12 more reports``."""
    return f"and {n:,} more {what}{'' if n == 1 else 's'}"


def more_note(shown: int, total: int, which: str, see: str) -> str | None:
    """``30 of 26,540 shown (the newest); see `bilat commitments --pair RU-US`.``, or None
    when everything is shown."""
    if shown >= total:
        return None
    return f"{shown:,} of {total:,} shown ({which}); see `{see}`."


def totals(d: dict) -> dict:
    """How many events, persons, sources and commitments per status the dossier has in all
    (a capped dossier says; a full one shows them all)."""
    given = d.get("totals") or {}
    statuses: dict[str, int] = {}
    for c in d["commitments"]:
        statuses[c["status"]] = statuses.get(c["status"], 0) + 1
    return {"events": given.get("events", len(d["events"])), "persons": given.get("persons", len(d["persons"])),
            "sources": given.get("sources", len(d["sources"])), "commitments": given.get("commitments", statuses)}  # fmt: skip


def render_markdown(d: dict) -> str:
    a, b = d["pair"]
    names = d.get("doc_names", {})
    total = totals(d)
    pair = f"{a}-{b}"

    def doc(doc_id: str) -> str:
        return names.get(doc_id) or doc_id

    out = [f"# {country_name(a)} – {country_name(b)} ({a}–{b})", ""]
    h = d["headline"]
    out.append(f"As of {d['as_of'] or 'the newest document'}; {d['documents']} documents.")
    out.append("")
    out.append("## Headline")
    out.append(f"- Events: {h['events']} (from {h['event_reports']} reports); latest {h['latest_event'] or 'undated'}")
    if h["latest_trade"]:
        t = h["latest_trade"]
        change = f", {t['change_pct']:+g}%" if t["change_pct"] is not None else ""
        out.append(f"- Trade turnover {t['period']}: {money(t['value'], t['unit'])}{change}")
    if h["commitments"]:
        out.append("- Commitments: " + ", ".join(f"{h['commitments'].get(s, 0)} {s}" for s in STATUS_ORDER))
    out += ["", "## Timeline of events"]
    for e in d["events"]:
        who = ", ".join(e["persons"]) or "—"
        where = f" in {e['place']}" if e["place"] else ""
        out.append(f"- **{e['date'] or 'undated'}** {e['type']}{where} (CAMEO {e['cameo']}); {who}")
        for s in e["sources"]:
            out.append(f"  - `{doc(s['doc'])}`: «{_quote(s['quote'])}»")
        if e["reports"] > len(e["sources"]):
            out.append(f"  - {more(e['reports'] - len(e['sources']), 'report')}")
    note = more_note(len(d["events"]), total["events"], "the newest", f"bilat events --pair {pair}")
    if note:
        out += ["", note]
    out += ["", "## Key people"]
    for p in d["persons"]:
        roles = "; ".join(
            f"{r['role']} ({r['first_seen'] or '?'} – {r['last_seen'] or '?'})" for r in p["roles"]
        ) or "role not stated"
        out.append(f"- **{p['name']}** ({p['country'] or '?'}): {roles}; in {p.get('documents', len(p['docs'])):,} documents")
    note = more_note(len(d["persons"]), total["persons"], "those in most documents", f"bilat persons --pair {pair}")
    if note:
        out += ["", note]
    out += ["", "## Indicators", "", "| kind | scope | period | value | change | sources |", "|---|---|---|---|---|---|"]
    for s in d["indicators"]:
        for p in s["points"]:
            change = f"{p['change_pct']:+g}%" if p["change_pct"] is not None else ""
            src = p["derived_from"] and f"derived: {p['derived_from']}" or ", ".join(
                f"`{doc(x['doc'])}`" for x in p["sources"]
            )
            flag = " (conflicting figures)" if p["alternatives"] else ""
            out.append(f"| {s['kind']} | {s['scope']} | {p['period']} | {money(p['value'], p['unit'])}{flag} | {change} | {src} |")
    out += ["", "## Sectors over time"]
    for sector, periods in d["sectors"].items():
        out.append(f"- {sector}: " + ", ".join(f"{k} ×{v}" for k, v in sorted(periods.items())))
    out += ["", "## Commitments"]
    for status in STATUS_ORDER:
        items = [c for c in d["commitments"] if c["status"] == status]
        if not items:
            continue
        out.append(f"### {status.capitalize()} ({total['commitments'].get(status, len(items)):,})")
        for c in items:
            out.append(f"- «{_quote(c['quote'])}» — due {c['due'] or 'not stated'} (`{doc(c['doc'])}`)")
            for e in c["evidence"]:
                out.append(f"  - done: `{doc(e['doc'])}` «{_quote(e['quote'])}»")
            if c.get("evidence_total", 0) > len(c["evidence"]):
                out.append(f"  - {more(c['evidence_total'] - len(c['evidence']), 'follow-through report')}")
        note = more_note(len(items), total["commitments"].get(status, 0), "the newest",
                         f"bilat commitments --pair {pair} --status {status}")  # fmt: skip
        if note:
            out += ["", note, ""]
    out += ["", "## Sources"]
    for s in d["sources"]:
        out.append(f"- `{doc(s['doc'])}` {s['published'] or 'undated'} {s['source'] or ''} {s['title'] or ''}".rstrip())
    note = more_note(len(d["sources"]), total["sources"], "the newest", f"bilat dossier {a} {b} --full")
    if note:
        out += ["", note]
    return "\n".join(out) + "\n"
