"""The ``bilat`` command line."""
