from keras.models import Sequential
from keras.layers import Dense
# TODO: switch to Conv2D layers, e.g. model.add(Conv2D(32, (3, 3)))
# from keras.layers import Conv2D, LSTM

model = Sequential()
model.add(Dense(64, activation='relu', input_shape=(20,)))  # Conv2D would be better here
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X, y, epochs=10)
