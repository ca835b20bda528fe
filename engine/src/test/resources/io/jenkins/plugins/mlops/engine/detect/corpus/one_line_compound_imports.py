import sys
try: import torch.nn as nn
except ImportError: sys.exit("install torch")
if True: from torch import optim

net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.LazyLinear(1))
opt = optim.SGD(net.parameters(), lr=0.1)
net(x).sum().backward(); opt.step()
