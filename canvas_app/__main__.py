import sys

from canvas_app.cli import main

sys.exit(main())
