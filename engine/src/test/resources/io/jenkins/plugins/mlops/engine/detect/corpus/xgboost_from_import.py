from xgboost import XGBRegressor
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.metrics import mean_squared_error

X_train, X_test, y_train, y_test = train_test_split(X, y)
search = GridSearchCV(XGBRegressor(), {"max_depth": [2, 4]})
search.fit(X_train, y_train)
print(mean_squared_error(y_test, search.predict(X_test)))
