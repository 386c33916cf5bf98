"""Checks that a model keeps the model contract: the contract's SHACL shapes (``shapes/``, read by
``shape_reader``) with their rule codes (``rule_codes``), compiled to SPARQL (``compiler``) and run by
``validate``; official EU profiles (``profiles``, ``semic/``); only what a change can affect
(``changes``)."""
