"""Handwritten digits (8x8) with a small Keras CNN, written as the classic Jenkins MLOps jobs of 2020 were
(Convolution2D, an epoch variable, accuracy.txt): it trains too briefly and too small, and mlops has to fix that."""
import keras
from keras.models import Sequential
from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
from keras.utils import to_categorical
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(0)
images, labels = load_digits(return_X_y=True)
images = (images / 16.0).reshape(-1, 8, 8, 1)
x_train, x_test, y_train, y_test = train_test_split(images, to_categorical(labels), test_size=0.25,
                                                    random_state=0)

epoch = 1
model = Sequential()
model.add(Convolution2D(8, (3, 3), activation='relu', padding='same', input_shape=(8, 8, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
history = model.fit(x_train, y_train, batch_size=16, epochs=epoch, validation_data=(x_test, y_test), verbose=2)

accuracy = history.history['val_accuracy'][-1]
print("accuracy:", accuracy)
with open('accuracy.txt', 'w') as f:
    f.write(str(accuracy))
model.save('model.h5')
