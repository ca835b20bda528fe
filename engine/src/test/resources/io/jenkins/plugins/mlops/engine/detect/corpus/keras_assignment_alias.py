import tensorflow as tf

L = tf.keras.layers
Conv = L.Conv2D
model = tf.keras.Sequential([Conv(16, 3), L.Flatten(), L.Dense(10)])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(x, y)
