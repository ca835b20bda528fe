# CNN_code.py -- despite the name, this is a plain dense network
from keras.models import Sequential
from keras.layers import Dense, Dropout
import numpy as np

X = np.random.rand(100, 8)
y = (X.sum(axis=1) > 4).astype(int)

cnn = Sequential()  # "cnn" is just a variable name here
cnn.add(Dense(12, input_dim=8, activation='relu'))
cnn.add(Dropout(0.1))
cnn.add(Dense(8, activation='relu'))
cnn.add(Dense(1, activation='sigmoid'))
cnn.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
cnn.fit(X, y, epochs=5)
