"""``python -m storydiff``: the command line, for environments without the script on PATH."""

from storydiff.cli import main

main()
