"""What a handoff folder *is*, apart from the engine that checks it: file kinds and handoff roots
(``kinds``), the status vocabulary (``status``), names and dates and where a handoff belongs
(``names``), a root's listing and its folder index (``listing``, ``index``), and the text handed
to the checks (``source``). The checks and the workflow import this, never the engine.

Nothing is imported here: a check that needs ``model.source`` does not load the index.
"""
