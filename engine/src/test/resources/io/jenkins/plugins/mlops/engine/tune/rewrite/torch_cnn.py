"""Handwritten digits (8x8) with a small convolutional network that trains too briefly."""
import torch
from torch import nn

EPOCHS = 1
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 4 * 4, 32),
    nn.ReLU(),
    nn.Linear(32, 10),
)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(EPOCHS):
    for start in range(0, len(x_train), 32):
        optimizer.zero_grad()
