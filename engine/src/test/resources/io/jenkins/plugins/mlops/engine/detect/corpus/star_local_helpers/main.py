from helpers import *

model = make()
model.fit(x, y)
