"""Trained models shipped with obligraph (installed as the ``obligraph_models`` package: data only)."""
