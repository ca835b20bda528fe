from tensorflow import keras

model = keras.Sequential()
model.add(keras.layers.Embedding(input_dim=1000, output_dim=64))
model.add(keras.layers.LSTM(128))
model.add(keras.layers.Dense(10))
model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
model.fit(x_train, y_train, epochs=2)
