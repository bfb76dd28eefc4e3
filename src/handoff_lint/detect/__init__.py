"""The secret detector, at the bottom of the house: gates (which lines may hold a credential),
our own patterns and judgements, detect-secrets as a second opinion, the rendering of a line as
a reader sees it and its base64 blobs decoded (``decode``), the scan of a text into hits, and
the redaction of a secret wherever its value reappears (``values``).

Nothing here imports a check, the engine or a seam; ``show.py``, ``checks/credentials.py`` and
the workflow import it.
"""
