from tensorflow import keras

LAYER = "Conv2D"
model = keras.Sequential()
model.add(getattr(keras.layers, LAYER)(16, 3, input_shape=(28, 28, 1)))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(10))
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(x, y)
