"""The bundled example articles, installed as the package ``storydiff_examples`` so that
``storydiff demo`` works from a wheel. They live outside ``storydiff/`` because they are data
a user could have brought, not part of the code that analyses it."""
