"""The Draw tab: the canvas, the live prediction beside it, the label bar under it, opening and saving drawings."""
