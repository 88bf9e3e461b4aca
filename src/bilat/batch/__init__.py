"""Batch extraction on a Dask cluster into Parquet datasets, and their bulk load into the store.

``partitioning`` plans the work, ``worker`` runs one partition, ``parquet_io`` owns the output
layout, ``run`` drives the cluster; ``bilat.store.bulk`` loads the result into a database.
"""
