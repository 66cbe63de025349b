"""The tutorial's vocabulary as the Train tab shows it: a name and a one-line explanation for each
activation, optimizer, learning-rate schedule and initialiser (the combo boxes' items and tooltips),
and the explanation of every field of the form.

Every text is marked with QT_TRANSLATE_NOOP (context "Vocabulary") and translated where it is shown
with :func:`tr_vocab`; names that are the same in every language (ReLU, Adam...) are not marked."""
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def tr_vocab(text: str) -> str:
    """The text in the user's language (texts of this module only)."""
    return QCoreApplication.translate("Vocabulary", text)


ACTIVATION_NAMES = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "tanh", "leaky_relu": "Leaky ReLU",
                    "elu": "ELU"}
ACTIVATION_TIPS = {
    "relu": QT_TRANSLATE_NOOP("Vocabulary", "max(0, x): simple and fast to train; the usual choice."),
    "sigmoid": QT_TRANSLATE_NOOP("Vocabulary", "1 / (1 + e^-x), squashed to 0..1: the classic neuron, slow to "
                                 "train in deep nets."),
    "tanh": QT_TRANSLATE_NOOP("Vocabulary", "Squashed to -1..1 and centred on 0: trains better than sigmoid."),
    "leaky_relu": QT_TRANSLATE_NOOP("Vocabulary", "Like ReLU but with a small slope (0.2) for negative inputs, "
                                    "so no neuron goes silent."),
    "elu": QT_TRANSLATE_NOOP("Vocabulary", "Like ReLU but bends smoothly to -1 for negative inputs."),
}
OPTIMIZER_NAMES = {"sgd": "SGD", "momentum": QT_TRANSLATE_NOOP("Vocabulary", "SGD + momentum"),
                   "nesterov": QT_TRANSLATE_NOOP("Vocabulary", "SGD + Nesterov momentum"),
                   "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam"}
OPTIMIZER_TIPS = {
    "sgd": QT_TRANSLATE_NOOP("Vocabulary", "Plain stochastic gradient descent: a step straight downhill; needs a "
                             "larger learning rate (~0.05)."),
    "momentum": QT_TRANSLATE_NOOP("Vocabulary", "SGD that keeps 90 % of its previous step, rolling through small "
                                  "bumps."),
    "nesterov": QT_TRANSLATE_NOOP("Vocabulary", "Momentum that looks ahead before stepping; often a little faster "
                                  "than momentum."),
    "adagrad": QT_TRANSLATE_NOOP("Vocabulary", "Gives each weight its own step size that shrinks as that weight "
                                 "gets updated."),
    "rmsprop": QT_TRANSLATE_NOOP("Vocabulary", "Scales each weight's step by a running average of its recent "
                                 "gradients."),
    "adam": QT_TRANSLATE_NOOP("Vocabulary", "Momentum plus per-weight step sizes; a robust default (learning rate "
                              "~0.001)."),
}
SCHEDULE_NAMES = {"constant": QT_TRANSLATE_NOOP("Vocabulary", "Constant"),
                  "cosine": QT_TRANSLATE_NOOP("Vocabulary", "Cosine decay")}
SCHEDULE_TIPS = {
    "constant": QT_TRANSLATE_NOOP("Vocabulary", "The same learning rate in every epoch."),
    "cosine": QT_TRANSLATE_NOOP("Vocabulary", "Starts at the learning rate and glides down to zero by the last "
                                "epoch along a cosine."),
}
INITIALIZER_NAMES = {"glorot_uniform": QT_TRANSLATE_NOOP("Vocabulary", "Xavier (Glorot) uniform"),
                     "glorot_normal": QT_TRANSLATE_NOOP("Vocabulary", "Xavier (Glorot) normal"),
                     "he_normal": QT_TRANSLATE_NOOP("Vocabulary", "He normal"),
                     "he_uniform": QT_TRANSLATE_NOOP("Vocabulary", "He uniform")}

# The form's fields: what each one means (the caption's and the field's tooltip).
FIELD_TIPS = {
    "hidden": QT_TRANSLATE_NOOP(
        "Vocabulary", "Neurons in each hidden layer, input side first, separated by commas (1 to 6 layers of "
        "4 to 4096): more neurons can learn more, but train slower and overfit sooner."),
    "activation": QT_TRANSLATE_NOOP(
        "Vocabulary", "The non-linear function each hidden neuron applies to its weighted input; without it "
        "the layers would collapse into one linear map."),
    "dropout": QT_TRANSLATE_NOOP(
        "Vocabulary", "Share of the first hidden layer's neurons switched off at random in each training step, "
        "so the network cannot lean on any one of them (fights overfitting; 0 = off)."),
    "l1": QT_TRANSLATE_NOOP(
        "Vocabulary", "Adds this times the sum of the weights' absolute values to the loss, pushing unneeded "
        "weights to exactly zero (0 = off; try 1e-5)."),
    "l2": QT_TRANSLATE_NOOP(
        "Vocabulary", "Weight decay: adds this times the sum of the squared weights to the loss, keeping weights "
        "small and the network smooth (0 = off; try 1e-4)."),
    "initializer": QT_TRANSLATE_NOOP(
        "Vocabulary", "How the weights are drawn before training: Xavier (Glorot) suits sigmoid and tanh, He "
        "suits ReLU-like activations; both keep signals from fading or exploding."),
    "optimizer": QT_TRANSLATE_NOOP(
        "Vocabulary", "The rule that turns the loss's gradient into weight changes: SGD steps straight downhill, "
        "momentum keeps rolling, Adagrad/RMSprop/Adam adapt each weight's step size."),
    "learning_rate": QT_TRANSLATE_NOOP(
        "Vocabulary", "How big a step each update takes: too large and the loss jumps or explodes, too small and "
        "learning crawls (Adam ~0.001, SGD ~0.05)."),
    "lr_schedule": QT_TRANSLATE_NOOP(
        "Vocabulary", "How the learning rate changes during training: constant, or decaying towards zero so "
        "the last epochs fine-tune with small steps."),
    "epochs": QT_TRANSLATE_NOOP(
        "Vocabulary", "How many passes over all the training digits (early stopping may end sooner)."),
    "batch_size": QT_TRANSLATE_NOOP(
        "Vocabulary", "How many digits each weight update averages over: larger batches are faster per epoch "
        "and smoother, smaller ones make more (noisier) updates."),
    "validation": QT_TRANSLATE_NOOP(
        "Vocabulary", "Share of the training digits held back and checked after every epoch; the best epoch "
        "and early stopping are judged on these unseen digits."),
    "patience": QT_TRANSLATE_NOOP(
        "Vocabulary", "Stop when validation accuracy has not improved for this many epochs (off = run every "
        "epoch)."),
}
FIELD_TIPS.update({
    "restore_best": QT_TRANSLATE_NOOP(
        "Vocabulary", "Checked: the network ends with the weights of the epoch that scored best on the "
        "validation digits. Unchecked: the last epoch's, which is usually as good at the end "
        "of a cosine schedule, where the best on a few hundred digits is partly luck."),
    "seed": QT_TRANSLATE_NOOP(
        "Vocabulary", "Starting point of all randomness (initial weights, shuffling, augmentation, the "
        "validation split): the same seed and settings train the same network."),
    "augment": QT_TRANSLATE_NOOP(
        "Vocabulary", "Show the network randomly rotated, zoomed, sheared, shifted, warped and thicker or "
        "thinner copies of the digits, so it copes with real handwriting."),
    "strength": QT_TRANSLATE_NOOP(
        "Vocabulary", "How strong the distortions are: 0 none, 1 the default, 2 strong, 3 extreme."),
})
