"""What one model file may hold, so that reading it takes memory and time bounded by its size.

Past a limit a file is refused like a syntax error, at file:line, with exit code 2; nothing
recurses or grows without end (docs: validation.md, "Limits").

- A literal or IRI is at most :data:`MAX_TERM_BYTES` (16 MiB): Oxigraph's buffer for one term.
- Blank nodes and lists nest at most :data:`MAX_NESTING` deep in Turtle ("[ ]" and "( )"): the
  positional parser, the formatter and every reader of nested blank nodes recurse once a level.
- Elements of an XML file, and objects and arrays of a JSON-LD file, nest at most
  :data:`MAX_MARKUP_NESTING` deep (a node takes two levels there): Oxigraph's RDF/XML parser
  slows down with the square of the depth (two minutes at 100,000) and its JSON-LD parser
  overflows its stack (a crash, at 5,000).
"""

MAX_TERM_BYTES = 16 * 1024 * 1024
MAX_NESTING = 64
MAX_MARKUP_NESTING = 4 * MAX_NESTING
