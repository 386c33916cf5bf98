"""Checks that a model keeps the model contract (SHACL shapes with rule codes)."""
