import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

inputs = tf.placeholder(tf.float32, [None, 20, 8])
targets = tf.placeholder(tf.float32, [None, 1])
cell = tf.nn.rnn_cell.LSTMCell(num_units=32)
outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
prediction = tf.layers.dense(outputs[:, -1], 1)
loss = tf.losses.mean_squared_error(targets, prediction)
train_op = tf.train.AdamOptimizer(0.01).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(train_op, feed_dict={inputs: X, targets: Y})
