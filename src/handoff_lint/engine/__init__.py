"""The pipeline, one module a stage:

    discover -> read -> parse -> check -> suppress -> (report)

``discover`` expands paths into classified files; ``reading`` turns bytes into text or an HL0
finding; ``source`` wraps a text with its parse (``handoff_lint.parse``); ``pipeline`` runs the
document checks on each text (asking the cache in one place), then ``folder`` runs the folder
checks over each handoff root's ``folder_index``; ``suppress`` and ``directives`` decide what is
reported. ``parallel`` spreads the document checks of a large run over processes.

Nothing is imported here: a check that needs ``engine.source`` does not load the pipeline.
"""
