from torch import nn


def head(width):
    return nn.Linear(width, 1)
