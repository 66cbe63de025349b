"""The tutorial's vocabulary as the Train tab shows it: a name and a one-line explanation for each
activation, optimizer, learning-rate schedule and initialiser (the combo boxes' items and tooltips)."""

ACTIVATION_NAMES = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "tanh", "leaky_relu": "Leaky ReLU",
                    "elu": "ELU"}
ACTIVATION_TIPS = {
    "relu": "max(0, x): simple and fast to train; the usual choice.",
    "sigmoid": "1 / (1 + e^-x), squashed to 0..1: the classic neuron, slow to train in deep nets.",
    "tanh": "Squashed to -1..1 and centred on 0: trains better than sigmoid.",
    "leaky_relu": "Like ReLU but with a small slope (0.2) for negative inputs, so no neuron goes silent.",
    "elu": "Like ReLU but bends smoothly to -1 for negative inputs.",
}
OPTIMIZER_NAMES = {"sgd": "SGD", "momentum": "SGD + momentum", "nesterov": "SGD + Nesterov momentum",
                   "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam"}
OPTIMIZER_TIPS = {
    "sgd": "Plain stochastic gradient descent: a step straight downhill; needs a larger learning rate (~0.05).",
    "momentum": "SGD that keeps 90 % of its previous step, rolling through small bumps.",
    "nesterov": "Momentum that looks ahead before stepping; often a little faster than momentum.",
    "adagrad": "Gives each weight its own step size that shrinks as that weight gets updated.",
    "rmsprop": "Scales each weight's step by a running average of its recent gradients.",
    "adam": "Momentum plus per-weight step sizes; a robust default (learning rate ~0.001).",
}
SCHEDULE_NAMES = {"constant": "Constant", "cosine": "Cosine decay"}
SCHEDULE_TIPS = {
    "constant": "The same learning rate in every epoch.",
    "cosine": "Starts at the learning rate and glides down to zero by the last epoch along a cosine.",
}
INITIALIZER_NAMES = {"glorot_uniform": "Xavier (Glorot) uniform", "glorot_normal": "Xavier (Glorot) normal",
                     "he_normal": "He normal", "he_uniform": "He uniform"}
