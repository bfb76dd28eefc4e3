"""``handoff-lint history``: what the repository already published, and what a push is about to.

A secret or a private path committed once and removed later is still published: anyone can
read it in the history. ``log`` reads one ``git log -p`` into the lines each commit added to
each file; ``scope`` keeps the files of handoff roots (or under the paths given); ``blobs``
reads the few whole blobs needed from git's object store; ``run`` checks the added lines with
the privacy and credential checks and makes the findings; ``push`` turns a pre-push hook's
input into the commits being pushed.
"""
