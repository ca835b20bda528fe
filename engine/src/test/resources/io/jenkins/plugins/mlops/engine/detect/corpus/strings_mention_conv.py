import keras
from keras import layers

name = "Conv2D"
layer_names = ['Conv2D', "LSTM", 'torch.nn.Conv2d']
print(f"we do not use {'Conv2D'} or {name!r}: {layers.Dense.__name__}")
model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=5)
print("Conv2D(32, 3)")
