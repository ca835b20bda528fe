import numpy as np


class Dense:
    """A hand-written dense layer: no framework involved."""

    def __init__(self, n_in, n_out):
        self.w = np.random.randn(n_in, n_out) * 0.01

    def forward(self, x):
        return np.maximum(0, x @ self.w)


class Net:
    def __init__(self):
        self.layers = [Dense(4, 8), Dense(8, 1)]

    def fit(self, x, y, epochs=10):
        for _ in range(epochs):
            for layer in self.layers:
                x = layer.forward(x)


Net().fit(np.ones((2, 4)), np.ones((2, 1)))
