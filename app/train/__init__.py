"""The Train tab: the settings form, the training worker thread, live curves, the result and its confusion matrix."""
