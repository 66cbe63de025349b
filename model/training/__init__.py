"""Training networks: the Keras builder and its config, the Trainer, personalisation, and TensorFlow,
imported once and only to train.
"""
