import torch
from torch.nn import *


class Small(Module):
    def __init__(self):
        super().__init__()
        self.c = Conv2d(3, 8, 3)
        self.f = Linear(8, 2)

    def forward(self, x):
        return self.f(self.c(x).mean((2, 3)))


model = Small()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss = CrossEntropyLoss()(model(torch.randn(4, 3, 8, 8)), torch.tensor([0, 1, 0, 1]))
loss.backward()
opt.step()
