"""The database: schema, migrations, writer and queries (SQLite by default, PostgreSQL too)."""
