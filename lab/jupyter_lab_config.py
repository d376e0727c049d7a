"""JupyterLab as the course runs it (``make lab`` passes this file with --config, on top of your own settings).

Nothing leaves the machine: no update check, no news feed, no extension listing from the package index, the
server on loopback only. The language server is the course's pyright, from the same environment.
"""

import sys
from pathlib import Path

c = get_config()  # noqa: F821 (traitlets provides it to a config file)

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
        "argv": [str(Path(sys.executable).with_name("pyright-langserver")), "--stdio"],
        "languages": ["python"],
        "mime_types": ["text/python", "text/x-ipython"],
        "display_name": "pyright",
        "requires_documents_on_disk": False,
    }
}
