import tensorflow as tf

W1 = tf.Variable(tf.random.normal([784, 128]))
b1 = tf.Variable(tf.zeros([128]))
W2 = tf.Variable(tf.random.normal([128, 10]))
optimizer = tf.optimizers.SGD(0.01)


def forward(x):
    h = tf.nn.relu(tf.matmul(x, W1) + b1)
    return tf.matmul(h, W2)


for x, y in dataset:
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(y, forward(x)))
    grads = tape.gradient(loss, [W1, b1, W2])
    optimizer.apply_gradients(zip(grads, [W1, b1, W2]))
