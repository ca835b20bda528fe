from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense


def build():
    model = Sequential([Conv2D(16, 3, input_shape=(28, 28, 1)), Flatten(), Dense(10)])
    model.compile("adam", "categorical_crossentropy")
    return model
