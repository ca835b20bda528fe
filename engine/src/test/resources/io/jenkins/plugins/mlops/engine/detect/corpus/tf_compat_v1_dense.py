import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 10])
y = tf.compat.v1.placeholder(tf.float32, [None, 1])
hidden = tf.compat.v1.layers.dense(x, 32, activation=tf.nn.relu)
pred = tf.compat.v1.layers.dense(hidden, 1)
train = tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_mean((pred - y) ** 2))
