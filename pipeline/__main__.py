"""`python -m pipeline` is the `parley` command."""
import sys

from pipeline.cli import main

sys.exit(main())
