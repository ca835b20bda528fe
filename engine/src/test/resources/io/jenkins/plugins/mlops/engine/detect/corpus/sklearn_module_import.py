from sklearn import svm, datasets, model_selection

iris = datasets.load_iris()
X_train, X_test, y_train, y_test = model_selection.train_test_split(iris.data, iris.target)
clf = svm.SVC(kernel="linear")
clf.fit(X_train, y_train)
