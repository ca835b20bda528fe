import torch
from torch import nn

model = nn.Sequential(nn.Conv1d(1, 4, 3), nn.Flatten(), nn.LazyLinear(2))
optimizer = torch.optim.Adam(model.parameters())
loss = model(x).sum(); loss.backward(); optimizer.step()
$$$ ??? `merge conflict` <<<<<<< HEAD
