"""The user's own labelled drawings: one sample, the SQLite store, zip archives, salvage of a damaged
store, and the per-digit report of how a model reads them.
"""
