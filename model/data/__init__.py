"""Digits to learn from: datasets and their sources (MNIST, IDX, .npz), the drawn corpus, the pen
trajectories, augmentation, and what the Data tab shows of a dataset.
"""
