"""bilat: structured, source-linked records of bilateral relations from Russian-language news."""

__version__ = "0.1.0"
