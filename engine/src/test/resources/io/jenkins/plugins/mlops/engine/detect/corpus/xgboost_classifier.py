import xgboost as xgb
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=1)
clf = xgb.XGBClassifier(n_estimators=100, max_depth=3)
clf.fit(X_train, y_train)
print(accuracy_score(y_test, clf.predict(X_test)))
