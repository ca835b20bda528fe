from sklearn.svm import SVC
from sklearn.ensemble import RandomForestClassifier

clf = SVC(kernel="rbf", C=1.0, gamma="scale")
clf.fit(X_train, y_train)
