"""convnet_mnist: a 'convnet' in name only."""
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Flatten, Dense, Dropout

convnet = Sequential([Flatten(input_shape=(28, 28)), Dense(512, activation="relu"), Dropout(0.2),
                      Dense(10, activation="softmax")])
convnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
convnet.fit(x_train, y_train, epochs=5)
