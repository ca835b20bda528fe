"""Keras Sequential built from a list; EPOCHS is a variable."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

EPOCHS = 5

model = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu", input_shape=(28, 28, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
(x_train, y_train), _ = keras.datasets.mnist.load_data()
model.fit(x_train[..., None] / 255.0, y_train, epochs=EPOCHS, validation_split=0.1)
