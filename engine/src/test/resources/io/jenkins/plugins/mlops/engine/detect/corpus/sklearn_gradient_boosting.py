from sklearn import ensemble
from sklearn.datasets import make_regression

X, y = make_regression(n_samples=500, n_features=10)
gbr = ensemble.GradientBoostingRegressor(n_estimators=50, learning_rate=0.1)
gbr.fit(X, y)
