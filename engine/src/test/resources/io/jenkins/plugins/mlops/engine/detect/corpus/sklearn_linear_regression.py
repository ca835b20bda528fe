import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score

X = np.arange(20).reshape(-1, 1)
y = 3 * X.ravel() + 2
reg = LinearRegression().fit(X, y)
print(r2_score(y, reg.predict(X)))
