from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
import pandas as pd

data = pd.read_csv("iris.csv")
X_train, X_test, y_train, y_test = train_test_split(data.iloc[:, :4], data.iloc[:, 4])
scaler = StandardScaler().fit(X_train)
knn = KNeighborsClassifier(n_neighbors=5)
knn.fit(scaler.transform(X_train), y_train)
print(knn.score(scaler.transform(X_test), y_test))
