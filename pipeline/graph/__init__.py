"""The obligation graph: the SQLite store, cross-document linking, queries, the NetworkX view and exports."""
