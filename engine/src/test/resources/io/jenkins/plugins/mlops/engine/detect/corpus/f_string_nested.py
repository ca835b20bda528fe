from keras import Sequential, layers

cfg = {"layer": "Conv2D", 'kind': "LSTM"}
print(f"planned {cfg["layer"]} and {cfg['kind']!s:>10} layers, {{not Conv2D}}")
print(rf"raw {cfg['layer']} \d", F'{ {"Conv1D": 1}["Conv1D"] }', fR"""{cfg["kind"]}""")
model = Sequential([layers.Dense(8), layers.Dense(1)])
model.compile(loss="mse")
model.fit(x, y)
