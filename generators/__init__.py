"""Generators: a model in, files out (site, exports)."""
