# Old Keras 1 code: Convolution2D under an alias, border_mode, nb_epoch.
from keras.models import Sequential
from keras.layers import Convolution2D as C, MaxPooling2D, Flatten, Dense, Activation

model = Sequential()
model.add(C(32, 3, 3, border_mode='valid', input_shape=(28, 28, 1)))
model.add(Activation('relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
model.fit(X_train, Y_train, batch_size=128, nb_epoch=12, verbose=1)
