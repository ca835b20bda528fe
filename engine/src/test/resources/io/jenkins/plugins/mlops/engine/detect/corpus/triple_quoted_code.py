from sklearn.tree import DecisionTreeRegressor

TEMPLATE = """
from keras.layers import Conv2D, LSTM
model.add(Conv2D(32, (3, 3)))
model.add(LSTM(10))
"""
OTHER = '''import torch.nn as nn
nn.Conv2d(1, 2, 3)
'''
reg = DecisionTreeRegressor(max_depth=3)
reg.fit(X, y)
