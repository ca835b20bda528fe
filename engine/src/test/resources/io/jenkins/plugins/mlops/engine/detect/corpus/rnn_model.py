# rnn_model.py: the name is historical; this is a random forest
from sklearn.ensemble import RandomForestRegressor

forest = RandomForestRegressor(n_estimators=10)
forest.fit(X, y)
