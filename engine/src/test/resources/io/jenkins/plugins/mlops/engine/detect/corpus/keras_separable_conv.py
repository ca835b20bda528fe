from keras import layers, models

model = models.Sequential([
    layers.SeparableConv2D(32, 3, activation="relu", input_shape=(64, 64, 3)),
    layers.DepthwiseConv2D(3),
    layers.GlobalMaxPooling2D(),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, labels)
