from sklearn import svm
clf = svm.NuSVC()
clf.fit(X, y)
"""docstring
with Conv2D"""
