from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, PolynomialFeatures
from sklearn.linear_model import Lasso
from sklearn.model_selection import cross_val_score

pipe = make_pipeline(StandardScaler(), PolynomialFeatures(2), Lasso(alpha=0.1))
pipe.fit(X_train, y_train)
print(cross_val_score(pipe, X, y).mean())
