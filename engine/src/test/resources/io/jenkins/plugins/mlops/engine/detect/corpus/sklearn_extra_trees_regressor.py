from sklearn.ensemble import ExtraTreesRegressor, HistGradientBoostingRegressor
from sklearn.model_selection import cross_val_score

for model in (ExtraTreesRegressor(n_estimators=50), HistGradientBoostingRegressor()):
    print(type(model).__name__, cross_val_score(model, X, y, cv=3).mean())
model.fit(X, y)
