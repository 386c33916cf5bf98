"""A model in a SPARQL server: publishing it (``eagraph publish``) and reading it back
(``--endpoint`` on query, validate and analyze)."""
