"""The Samples tab: the user's labelled drawings, how the model does on them, and personalising it."""
