import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler, LabelEncoder
from sklearn.metrics import accuracy_score, confusion_matrix
from keras.models import Sequential
from keras.layers import Dense

df = pd.read_csv("data.csv")
X = StandardScaler().fit_transform(df.drop(columns="target"))
y = LabelEncoder().fit_transform(df["target"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

model = Sequential()
model.add(Dense(16, input_dim=X.shape[1], activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X_train, y_train, epochs=20)
pred = (model.predict(X_test) > 0.5).astype(int)
print(accuracy_score(y_test, pred), confusion_matrix(y_test, pred))
