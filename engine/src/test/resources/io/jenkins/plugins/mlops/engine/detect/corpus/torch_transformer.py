import torch
from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab, d_model=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead=4)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2)
        self.head = nn.Linear(d_model, 2)

    def forward(self, tokens):
        return self.head(self.encoder(self.embed(tokens)).mean(dim=1))


model = TextClassifier(20000)
opt = torch.optim.AdamW(model.parameters())
for batch in loader:
    opt.zero_grad()
    nn.CrossEntropyLoss()(model(batch[0]), batch[1]).backward()
    opt.step()
