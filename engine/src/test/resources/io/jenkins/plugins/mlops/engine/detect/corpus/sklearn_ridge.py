from sklearn import linear_model
from sklearn.datasets import load_diabetes

X, y = load_diabetes(return_X_y=True)
model = linear_model.Ridge(alpha=0.5)
model.fit(X, y)
print(model.score(X, y))
