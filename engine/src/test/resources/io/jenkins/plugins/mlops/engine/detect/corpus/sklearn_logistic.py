from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression as LR
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
Xtr, Xte, ytr, yte = train_test_split(X, y, stratify=y)
clf = LR(max_iter=200, multi_class="auto")
clf.fit(Xtr, ytr)
print("accuracy", clf.score(Xte, yte))
