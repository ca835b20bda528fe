import torch
import torch.nn as nn


class SeqModel(nn.Module):
    def __init__(self, vocab, hidden):
        super(SeqModel, self).__init__()
        self.emb = nn.Embedding(vocab, 32)
        self.rnn = nn.LSTM(32, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x):
        h, _ = self.rnn(self.emb(x))
        return self.out(h[:, -1])


model = SeqModel(5000, 64)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
model.train()
for batch in batches:
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(batch.text), batch.label)
    loss.backward()
    optimizer.step()
