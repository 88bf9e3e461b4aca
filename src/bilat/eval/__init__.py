"""Scoring extraction records against gold records."""
