# -*- coding: utf-8 -*-
from keras.models import Sequential
from keras.layers import Dense

modèle = Sequential()
modèle.add(Dense(10, input_dim=4, activation="relu"))
模型层 = Dense(1)
modèle.add(模型层)
modèle.compile(optimizer="adam", loss="mse")  # «Conv2D» n'est pas utilisé
modèle.fit(données, étiquettes)
