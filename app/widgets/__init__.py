"""Widgets more than one tab uses: the drawing canvas, digit pictures, the data-source picker, chart styling."""
