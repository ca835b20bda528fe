import numpy as np
import xgboost as xgb

dtrain = xgb.DMatrix(np.random.rand(50, 4), label=np.random.randint(2, size=50))
params = {"objective": "binary:logistic", "max_depth": 2}
booster = xgb.train(params, dtrain, num_boost_round=10)
booster.save_model("model.json")
