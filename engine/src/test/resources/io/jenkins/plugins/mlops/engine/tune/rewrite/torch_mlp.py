import torch.nn as nn

net = nn.Sequential(nn.Linear(64, 16), nn.ReLU(), nn.BatchNorm1d(16), nn.Linear(16, 10))
for epoch in range(1, 21):  # 20 epochs
    train(net)
