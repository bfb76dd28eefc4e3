"""Who and where a run is: the login and host name (HL206 looks for them in documents, and the
cache's key holds them, since they change that rule's findings)."""

from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=1)
def login_and_host() -> tuple[str, str]:
    """The login name getpass finds ("" if none) and the host name."""
    import getpass

    try:
        user = getpass.getuser()
    except Exception:  # no login name in this environment
        user = ""
    if hasattr(os, "uname"):  # socket.gethostname() is uname's nodename; socket costs an import
        return user, os.uname().nodename
    import socket

    return user, socket.gethostname()
