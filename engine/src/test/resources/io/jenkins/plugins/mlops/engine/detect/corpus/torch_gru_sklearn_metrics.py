import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler

scaler = StandardScaler()
gru = nn.GRU(input_size=6, hidden_size=32, batch_first=True)
head = nn.Linear(32, 1)
opt = torch.optim.Adam(list(gru.parameters()) + list(head.parameters()))
for seq, target in loader:
    out, _ = gru(seq)
    loss = nn.functional.binary_cross_entropy_with_logits(head(out[:, -1]).squeeze(), target)
    opt.zero_grad(); loss.backward(); opt.step()
print(f1_score(y_true, y_pred))
