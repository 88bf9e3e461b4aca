"""Exports of the knowledge tables: CSV, JSONL, Parquet, and event data (CAMEO TSV, PLOVER JSON)."""
