from sklearn.svm import SVR
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

pipeline = Pipeline([("scale", StandardScaler()), ("svr", SVR())])
grid = GridSearchCV(pipeline, {"svr__C": [0.1, 1, 10], "svr__epsilon": [0.01, 0.1]}, cv=5)
grid.fit(X, y)
print(grid.best_params_)
