import numpy as np


def build_model():
    from keras.models import Sequential
    from keras.layers import Conv3D, Flatten, Dense
    model = Sequential()
    model.add(Conv3D(8, 3, input_shape=(16, 16, 16, 1)))
    model.add(Flatten())
    model.add(Dense(2, activation="softmax"))
    return model


if __name__ == "__main__":
    model = build_model()
    model.compile("adam", "categorical_crossentropy")
    model.fit(np.zeros((4, 16, 16, 16, 1)), np.zeros((4, 2)))
