import torch
import torch.nn as nn

pattern = rb'nn.Conv2d\(' + Rb"\d+" + BR'''nn.LSTM(
1, 2)''' + b'\'nn.GRU\''
path = r"C:\models\conv2d" + u'Conv2D'
net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loss = ((net(x) - y) ** 2).mean()
loss.backward()
opt.step()
