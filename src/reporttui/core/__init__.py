"""The UI-free core of reporttui.

Nothing in this package may import ``textual`` or ``rich``: the CLI, the app and the tests all
reuse it (tests/test_import_hygiene.py proves it in a subprocess).
"""

from reporttui.core.index import lightimports as _lightimports

_lightimports.install()  # before anything imports Whoosh: see lightimports
