import sklearn.linear_model as lm
import sklearn.model_selection as ms

X_train, X_test, y_train, y_test = ms.train_test_split(X, y)
model = lm.LogisticRegressionCV(cv=5)
model.fit(X_train, y_train)
