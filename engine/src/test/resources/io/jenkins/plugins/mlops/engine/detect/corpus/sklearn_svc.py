from sklearn.svm import SVC
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(digits.data, digits.target)
classifier = SVC(kernel="rbf", gamma=0.001, C=10)
classifier.fit(X_train, y_train)
print(classifier.score(X_test, y_test))
