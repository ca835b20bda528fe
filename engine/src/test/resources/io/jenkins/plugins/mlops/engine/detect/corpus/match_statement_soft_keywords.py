from sklearn.svm import SVR
from sklearn.linear_model import Ridge

type Estimator = object


def make(kind: str) -> Estimator:
    match kind:
        case "svm" | "svr":
            return SVR(C=1.0)
        case _:
            return SVR(kernel="linear")


model = make("svm")
model.fit(X, y)
print("score", model.score(X, y), "ok" "!")
