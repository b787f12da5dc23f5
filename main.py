"""Opens Campaign Canvas: ``python main.py [WORKSPACE]``."""

import sys

from canvas_app.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui", *sys.argv[1:]]))
