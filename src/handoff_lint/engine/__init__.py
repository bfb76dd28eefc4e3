"""The pipeline, one module a stage:

    discover -> read -> parse -> check -> suppress -> (report)

``discover`` expands paths into classified files (what a file is: ``handoff_lint.model``);
``handoff_lint.reading`` turns bytes into text or an HL0 finding; ``model.source`` wraps a text
with its parse; ``pipeline`` runs the document checks on each text, then ``folder`` runs the
folder checks over each handoff root's index (``model.index``); ``suppress`` (with
``parse.directives``) decides what is reported. ``parallel`` spreads the document checks of a
large run over processes. The checks and the workflow never import this package.

Nothing is imported here.
"""
