import sklearn.neighbors

model = sklearn.neighbors.KNeighborsRegressor(n_neighbors=3, weights="distance")
model.fit(X, y)
