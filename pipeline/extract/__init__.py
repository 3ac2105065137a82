"""Extractors over one segmented document: own metadata, cross-references, deadlines, bodies (the agency
registry and the grammar of agency names) and obligations; ``document`` runs the stages in order."""
