import tensorflow as tf
from tensorflow.keras import layers

# written on Windows
model = tf.keras.Sequential([
    layers.Conv2D(8, 3, input_shape=(28, 28, 1)),
    layers.Flatten(),
    layers.Dense(10)])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(x, \
          y)
