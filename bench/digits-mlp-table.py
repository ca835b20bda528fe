"""Measures the test accuracy of scikit-learn's MLPClassifier on the bundled digits data over a grid of
hidden units x max_iter x learning_rate_init, and prints it as CSV. The tweak benchmark looks trials up in this
table instead of training (the numbers are real trainings, done once). Run in the trainer image:
  docker run --rm --network none -v "$PWD/bench:/bench:ro" mlops/sklearn:0.1 python3 /bench/digits-mlp-table.py
"""
import warnings

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore", category=ConvergenceWarning)
X, y = load_digits(return_X_y=True)
X = X / 16.0
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
print("hidden_units,max_iter,learning_rate_init,accuracy")
for units in (2, 4, 8, 16, 32, 64, 128):
    for max_iter in (5, 10, 20, 40, 80, 160):
        for lr in (0.0001, 0.001, 0.01, 0.1):
            model = MLPClassifier(hidden_layer_sizes=(units,), max_iter=max_iter, learning_rate_init=lr,
                                  random_state=0)
            model.fit(X_train, y_train)
            print(f"{units},{max_iter},{lr},{model.score(X_test, y_test):.4f}", flush=True)
