from sklearn.neural_network import MLPClassifier
from sklearn.datasets import fetch_openml

X, y = fetch_openml("mnist_784", return_X_y=True, as_frame=False)
mlp = MLPClassifier(hidden_layer_sizes=(100, 50), max_iter=20)
mlp.fit(X[:60000] / 255.0, y[:60000])
print(mlp.score(X[60000:] / 255.0, y[60000:]))
