"""Knowledge across documents: one person, one event, indicator series, commitment follow-through.

Every function here works on extraction records (``bilat.record.to_record`` dicts) so the same
logic serves the database, exports and tests.
"""
