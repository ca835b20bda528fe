from mymodel import build
from data import load

x, y = load()
model = build()
model.fit(x, y, epochs=2)
