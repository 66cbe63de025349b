"""Models on disk: the typed model card, one model directory, kill-safe saving, and the store that
lists, activates, renames, deletes, exports and imports them.
"""
