import tensorflow as tf
from tensorflow.keras.layers import Bidirectional, GRU, Dense, Embedding

model = tf.keras.Sequential([Embedding(10000, 64), Bidirectional(GRU(64)), Dense(1)])
model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), optimizer="adam")
history = model.fit(train_ds, epochs=3, validation_data=test_ds)
