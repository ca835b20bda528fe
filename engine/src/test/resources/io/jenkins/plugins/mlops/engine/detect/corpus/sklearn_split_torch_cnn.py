import torch
from torch import nn
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report, accuracy_score
from sklearn.preprocessing import MinMaxScaler

X_train, X_test, y_train, y_test = train_test_split(images, labels)
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
opt = torch.optim.Adam(net.parameters())
for _ in range(3):
    opt.zero_grad()
    nn.functional.cross_entropy(net(X_train), y_train).backward()
    opt.step()
print(classification_report(y_test, net(X_test).argmax(1)), accuracy_score(y_test, net(X_test).argmax(1)))
