import tensorflow as tf

filters = tf.Variable(tf.random.truncated_normal([5, 5, 1, 32], stddev=0.1))
dense = tf.Variable(tf.random.truncated_normal([14 * 14 * 32, 10], stddev=0.1))
opt = tf.keras.optimizers.Adam()  # only the optimizer comes from Keras


@tf.function
def model(images):
    x = tf.nn.conv2d(images, filters, strides=1, padding="SAME")
    x = tf.nn.max_pool2d(tf.nn.relu(x), 2, 2, "SAME")
    return tf.matmul(tf.reshape(x, [-1, 14 * 14 * 32]), dense)


with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, model(images)))
opt.apply_gradients(zip(tape.gradient(loss, [filters, dense]), [filters, dense]))
