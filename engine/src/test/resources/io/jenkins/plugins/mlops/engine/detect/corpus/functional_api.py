from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense
from keras.models import Model

inputs = Input(shape=(64, 64, 3))
x = Conv2D(32, 3, activation="relu")(inputs)
x = MaxPooling2D()(x)
x = Flatten()(x)
outputs = Dense(1, activation="sigmoid")(x)
model = Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit(images, labels, epochs=4)
