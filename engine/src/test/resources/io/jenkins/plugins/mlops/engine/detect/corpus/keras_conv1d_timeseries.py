from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Conv1D(64, kernel_size=3, activation="relu", input_shape=(100, 1)),
    layers.MaxPooling1D(2),
    layers.LSTM(32),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(series, targets, epochs=10)
