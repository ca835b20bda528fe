from keras.models import Sequential
from keras.layers import Convolution2D as C, Dense as D, Flatten

m = Sequential()
m.add(C(32, 3, 3, input_shape=(28, 28, 1)))
m.add(Flatten())
m.add(D(10, activation='softmax'))
m.compile('adam', 'categorical_crossentropy')
m.fit(x, y)
