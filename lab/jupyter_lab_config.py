"""JupyterLab as the course runs it (``make lab`` passes this file with --config, on top of your own settings).

Nothing leaves the machine: no update check, no news feed, no extension listing from the package index, the
server on loopback only. JupyterLab runs from an environment of its own (.venv-lab, made by `make lab`); the
kernels it starts and its language server are the course's, from .venv.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (traitlets provides it to a config file)
COURSE_ENV = Path(__file__).resolve().parents[1] / ".venv"

# The kernels `make env` registered in .venv ("Python 3 (Async Agno)" and the agno 3 track's) are found first, so
# that "python3" is the course's interpreter, not JupyterLab's own (the kernel list is read from JUPYTER_PATH).
course_paths = [str(COURSE_ENV / "share" / "jupyter"), os.environ.get("JUPYTER_PATH", "")]
os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, course_paths))

# /lab/api/update answers "no update" without asking the package index.
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"
# No news feed, and no prompt asking whether to fetch it: settings/overrides.json answers it for the learner
# (the defaults of the course's settings; your own choices in Settings still win).
c.LabApp.news_url = None
c.LabApp.app_settings_dir = str(Path(__file__).with_name("settings"))
# The default extension manager searches the package index; the read-only one lists what is installed.
c.LabApp.extension_manager = "readonly"
c.ServerApp.ip = "127.0.0.1"

# jupyter-lsp looks for pyright among Node packages and does not find the one pip installed; name it instead.
# JupyterLab connects each open notebook to it.
c.LanguageServerManager.autodetect = False
c.LanguageServerManager.language_servers = {
    "pyright": {
        "version": 2,
        "argv": [str(COURSE_ENV / "bin" / "pyright-langserver"), "--stdio"],
        "languages": ["python"],
        "mime_types": ["text/python", "text/x-ipython"],
        "display_name": "pyright",
        "requires_documents_on_disk": False,
    }
}
