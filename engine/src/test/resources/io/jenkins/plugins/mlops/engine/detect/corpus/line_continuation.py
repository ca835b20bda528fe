import keras

model = keras.models.Sequential()
model.add(keras.layers \
          .Conv2D(8, 3, input_shape=(16, 16, 1)))
model.add(keras.layers.Flatten()); model.add(keras.layers.Dense(2, \
    activation="softmax"))
model.compile(optimizer="adam",
              loss="categorical_crossentropy")
model.fit(x, y)
