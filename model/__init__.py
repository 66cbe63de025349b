"""DigitPad's numerics: ink, preprocessing, inference, training, data and model storage.

Nothing in this package imports Qt; TensorFlow is imported lazily, only by the code that trains.
"""
