# an old script that is not imported: it must not count
from keras.layers import Conv2D
Conv2D(1, 1)
