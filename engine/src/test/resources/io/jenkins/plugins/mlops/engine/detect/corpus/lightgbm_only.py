import lightgbm as lgb

train = lgb.Dataset(X, label=y)
booster = lgb.train({"objective": "binary"}, train, num_boost_round=20)
