"""obligraph: obligations, deadlines and cross-references from official directives."""
