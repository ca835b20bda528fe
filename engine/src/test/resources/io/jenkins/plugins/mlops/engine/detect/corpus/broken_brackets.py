from sklearn.svm import SVC

clf = SVC(kernel="rbf", C=[1.0, 10.0)
clf.fit(X, y
print(clf.score(X, y)))
