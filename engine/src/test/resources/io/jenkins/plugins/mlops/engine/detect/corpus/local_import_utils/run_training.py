import utils

model = utils.make_model()
model.fit(utils.X, utils.Y)
