"""Models of gradient descent and binary classification.

Every neural network here reports its mean absolute error (MAE); feel free to read the
finite impulse response of each layer.
"""


def train(model):
    """Train a neural network by gradient descent for binary classification."""
    return model


def score(model):
    """The mean absolute error of a neural network, feel free to use it with a finite impulse response."""
    return model
