from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

pre = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())]), ["age", "fare"]),
    ("cat", OneHotEncoder(handle_unknown="ignore"), ["sex", "embarked"]),
])
clf = Pipeline([("pre", pre), ("model", LogisticRegression(C=1.0))])
clf.fit(train_df, train_df["survived"])
