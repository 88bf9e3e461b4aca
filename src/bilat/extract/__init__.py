"""Extraction stages. Each module registers one stage with :func:`bilat.pipeline.stage`."""
