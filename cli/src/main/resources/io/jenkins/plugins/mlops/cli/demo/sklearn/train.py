"""Handwritten digits with a deliberately tiny neural network: the mlops loop has to make it good enough."""
import json

import joblib
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(X_train)

# Two hidden units and a few iterations: fast, and far below the 90% target.
model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20, random_state=0)
model.fit(scaler.transform(X_train), y_train)

accuracy = model.score(scaler.transform(X_test), y_test)
print(f"MLOPS_METRIC accuracy={accuracy:.4f}")
with open("metrics.json", "w") as out:
    json.dump({"accuracy": accuracy}, out)
joblib.dump(model, "model.joblib")
