from sklearn.tree import DecisionTreeClassifier, export_text
from sklearn.datasets import load_wine

X, y = load_wine(return_X_y=True)
tree = DecisionTreeClassifier(max_depth=4, criterion="entropy")
tree.fit(X, y)
print(export_text(tree))
