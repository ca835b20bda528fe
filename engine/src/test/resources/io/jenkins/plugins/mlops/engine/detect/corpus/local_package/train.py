import torch
from models.net import Net

net = Net()
opt = torch.optim.Adam(net.parameters())
for x, y in batches:
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(net(x), y)
    loss.backward()
    opt.step()
