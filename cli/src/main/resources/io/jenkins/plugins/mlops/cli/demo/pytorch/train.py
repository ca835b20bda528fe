"""Handwritten digits (8x8) with a small convolutional network that trains too briefly: mlops has to fix that."""
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
images, labels = load_digits(return_X_y=True)
images = torch.tensor(images / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8)
labels = torch.tensor(labels)
x_train, x_test, y_train, y_test = train_test_split(images, labels, test_size=0.25, random_state=0)

EPOCHS = 1
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 4 * 4, 10),
)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(EPOCHS):
    for start in range(0, len(x_train), 32):
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[start:start + 32]), y_train[start:start + 32])
        loss.backward()
        optimizer.step()

with torch.no_grad():
    accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
print(f"MLOPS_METRIC accuracy={accuracy:.4f}")
torch.save(model.state_dict(), "model.pt")
