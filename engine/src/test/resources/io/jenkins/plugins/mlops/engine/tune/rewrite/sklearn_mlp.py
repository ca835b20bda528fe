"""Handwritten digits with a deliberately tiny neural network: the mlops loop has to make it good enough."""
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

X, y = load_digits(return_X_y=True)
# Two hidden units and a few iterations: fast, and far below the 90% target.
model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20, random_state=0)
model.fit(X, y)
