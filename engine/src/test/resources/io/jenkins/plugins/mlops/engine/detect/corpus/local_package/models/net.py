from torch import nn
from .blocks import head


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(8, 16)
        self.head = head(16)

    def forward(self, x):
        return self.head(self.rnn(x)[0])
