"""The Train tab: choose data and settings, train in the background with live curves, use the result.

The form covers every field of model.network.NetworkConfig and model.training.TrainingConfig and
is remembered in QSettings. Training runs in app.training_worker.TrainingWorker on a QThread
(TensorFlow is imported there, when training starts); this widget only shows what the worker
reports. A finished model is saved into the ModelStore by the worker at once, so nothing is lost;
it becomes the active model only when the user clicks "Use this model".
"""
from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractSpinBox, QButtonGroup, QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QProgressBar, QPushButton, QRadioButton, QScrollArea, QSpinBox, QSplitter,
    QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from model.data import mnist_cached
from model.network import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS, ConfigError, NetworkConfig, parse_hidden
from model.training import TrainingConfig

try:
    from model.training import LR_SCHEDULES
except ImportError:  # an older model.training without schedules
    LR_SCHEDULES = ()

from .confusion_view import ConfusionView, cell_dialog
from .curves_view import CurvesView
from .worker import (
    PREPARING_STAGES, STAGE_SAVING, STAGE_TRAINING, DataProbe, DataSummary, Outcome, TrainingWorker,
    is_mnist, start_in_thread,
)

if TYPE_CHECKING:  # model.store is only needed for its type here
    from model.store import ModelStore

STOP_GRACE_MS = 700  # a cancel stops within one batch; after this the tab stops waiting for it
SETTINGS_KEY = "training/form"

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


# --------------------------------------------------------------------------------------- helpers
def duration(seconds: float | None) -> str:
    """A short human duration: 42 s, 3 min 05 s, 1 h 02 min."""
    if seconds is None or not math.isfinite(seconds):
        return "?"
    s = max(0, round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def _settings():
    try:
        from ..settings import settings

        return settings()
    except ImportError:  # pragma: no cover - app.settings is the colleague's; keep working without it
        from PySide6.QtCore import QSettings

        home = os.environ.get("DIGITPAD_HOME")
        if home:
            return QSettings(os.path.join(home, "settings.ini"), QSettings.Format.IniFormat)
        return QSettings("DigitPad", "DigitPad")


class SciSpinBox(QDoubleSpinBox):
    """A spin box for rates spanning decades (1e-6 .. 10): shows 0.001 or 1e-05, steps 1-2-5."""

    def __init__(self, minimum: float, maximum: float, parent=None):
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        from PySide6.QtGui import QValidator

        t = text.strip().replace(",", ".")
        if re.fullmatch(r"[0-9]*\.?[0-9]*([eE][-+]?[0-9]*)?", t) is None:
            return QValidator.State.Invalid, text, pos
        try:
            v = float(t)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        ladder = [m * 10.0 ** e for e in range(-7, 2) for m in (1, 2, 5)]
        ladder = [v for v in ladder if self.minimum() <= v <= self.maximum()]
        if self.minimum() == 0.0:
            ladder = [0.0] + ladder
        v = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                v = next((x for x in ladder if x > v * (1 + 1e-9) + 1e-15), ladder[-1])
            else:
                v = next((x for x in reversed(ladder) if x < v * (1 - 1e-9)), ladder[0])
        self.setValue(v)


# --------------------------------------------------------------------------------------- the tab
class TrainingTab(QWidget):
    modelActivated = Signal(str)
    trainingStarted = Signal()
    trainingFinished = Signal(object)  # dict: ok, cancelled, test_accuracy, seconds, model_id, error
    epochFinished = Signal(object)  # model.training.Progress

    def __init__(self, store: "ModelStore", parent=None):
        super().__init__(parent)
        self.store = store
        self._worker: TrainingWorker | None = None
        self._probe_source: str | None = None
        self._loading_form = False
        self._stage = ""
        self._started_at = 0.0
        self._epochs_seen = 0
        self._batches_seen = 0
        self._stopping = False
        self.outcome: Outcome | None = None  # the last finished run
        self._dialogs: list[QWidget] = []
        self._base_network, self._base_training = NetworkConfig(), TrainingConfig()
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.timeout.connect(self._abandon)
        self._save_timer = QTimer(self)  # the form is written to QSettings once edits pause
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_settings)

        self.setToolTip("Train a new network on handwritten digits and watch it learn.")
        form = self._build_form()
        right = self._build_right()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setToolTip("Drag the divider to give the settings or the curves more room.")
        splitter.addWidget(form)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self._form_width, max(600, right.sizeHint().width())])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self._restore_form()
        self._loading_form = True
        try:
            self._update_data_box()
            self._on_form_changed()
        finally:
            self._loading_form = False
        self._show_note("Choose the data and the settings on the left, then press "
                        "<b>Start training</b>.<br>The curves, the test accuracy and the confusion "
                        "matrix appear here; drawing stays live meanwhile.")

    # ================================================================================= building
    def _build_form(self) -> QWidget:
        host = QWidget()
        host.setToolTip("What to train on and how.")
        col = QVBoxLayout(host)
        col.setContentsMargins(0, 0, 4, 0)

        # -- data
        data = QGroupBox("Data")
        data.setToolTip("The handwritten digits to learn from; their test split measures the result.")
        dl = QVBoxLayout(data)
        self.mnist_radio = QRadioButton("MNIST (60,000 training + 10,000 test digits)")
        self.mnist_radio.setToolTip("The classic set of handwritten digits from 500 writers, 28×28 pixels each. "
                                    "Downloaded once (11 MB) and cached.")
        self.mnist_status = QLabel()
        self.mnist_status.setWordWrap(True)
        self.mnist_status.setIndent(22)
        self.path_radio = QRadioButton("Digits from a folder or an .npz file")
        self.path_radio.setToolTip("Your own digits: a folder of MNIST-style IDX files (train-images*, "
                                   "train-labels*, optionally t10k-*) or an .npz with x_train, y_train "
                                   "(and x_test, y_test).")
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.mnist_radio)
        self.source_group.addButton(self.path_radio)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("IDX folder or .npz file")
        self.path_edit.setToolTip("The IDX folder or .npz file to train on; type a path or use the buttons.")
        self.path_edit.setClearButtonEnabled(True)
        self.folder_button = QToolButton()
        self.folder_button.setText("Folder…")
        self.folder_button.setToolTip("Choose a folder of MNIST-style IDX files.")
        self.file_button = QToolButton()
        self.file_button.setText("File…")
        self.file_button.setToolTip("Choose an .npz file with x_train, y_train (and x_test, y_test).")
        prow = QHBoxLayout()
        prow.setContentsMargins(22, 0, 0, 0)
        prow.addWidget(self.path_edit, 1)
        prow.addWidget(self.folder_button)
        prow.addWidget(self.file_button)
        self.data_info = QLabel()
        self.data_info.setWordWrap(True)
        self.data_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_info.setToolTip("How many digits the chosen data holds and how they are split.")
        for w in (self.mnist_radio, self.mnist_status):
            dl.addWidget(w)
        dl.addWidget(self.path_radio)
        dl.addLayout(prow)
        dl.addWidget(self.data_info)
        self.mnist_radio.toggled.connect(self._on_source_changed)
        self.path_edit.editingFinished.connect(self._on_source_changed)
        self.path_edit.textChanged.connect(self._on_path_typed)
        self.folder_button.clicked.connect(self._choose_folder)
        self.file_button.clicked.connect(self._choose_file)

        # -- network
        net = QGroupBox("Network")
        net.setToolTip("The shape of the multi-layer perceptron: 784 pixels in, hidden layers, 10 digits out.")
        nf = self._form_layout(net)
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setPlaceholderText("e.g. 256, 128")
        self._row(nf, "Hidden layers", self.hidden_edit,
                  "Neurons in each hidden layer, input side first, separated by commas (1 to 6 layers of "
                  "4 to 4096): more neurons can learn more, but train slower and overfit sooner.")
        self.activation_combo = self._combo(HIDDEN_ACTIVATIONS, ACTIVATION_NAMES, ACTIVATION_TIPS)
        self._row(nf, "Activation", self.activation_combo,
                  "The non-linear function each hidden neuron applies to its weighted input; without it "
                  "the layers would collapse into one linear map.")
        self.dropout_spin = self._dspin(0.0, 0.9, 0.05, 2)
        self._row(nf, "Dropout", self.dropout_spin,
                  "Share of the first hidden layer's neurons switched off at random in each training step, "
                  "so the network cannot lean on any one of them (fights overfitting; 0 = off).")
        self.l1_spin = SciSpinBox(0.0, 1.0)
        self._row(nf, "L1 penalty", self.l1_spin,
                  "Adds this times the sum of the weights' absolute values to the loss, pushing unneeded "
                  "weights to exactly zero (0 = off; try 1e-5).")
        self.l2_spin = SciSpinBox(0.0, 1.0)
        self._row(nf, "L2 penalty", self.l2_spin,
                  "Weight decay: adds this times the sum of the squared weights to the loss, keeping weights "
                  "small and the network smooth (0 = off; try 1e-4).")
        self.initializer_combo = self._combo(INITIALIZERS, INITIALIZER_NAMES, {})
        self._row(nf, "Initial weights", self.initializer_combo,
                  "How the weights are drawn before training: Xavier (Glorot) suits sigmoid and tanh, He "
                  "suits ReLU-like activations; both keep signals from fading or exploding.")

        # -- optimizer
        opt = QGroupBox("Optimizer")
        opt.setToolTip("How the weights are updated from the gradient of the loss.")
        of = self._form_layout(opt)
        self.optimizer_combo = self._combo(OPTIMIZERS, OPTIMIZER_NAMES, OPTIMIZER_TIPS)
        self._row(of, "Optimizer", self.optimizer_combo,
                  "The rule that turns the loss's gradient into weight changes: SGD steps straight downhill, "
                  "momentum keeps rolling, Adagrad/RMSprop/Adam adapt each weight's step size.")
        self.lr_spin = SciSpinBox(1e-6, 10.0)
        self._row(of, "Learning rate", self.lr_spin,
                  "How big a step each update takes: too large and the loss jumps or explodes, too small and "
                  "learning crawls (Adam ~0.001, SGD ~0.05).")
        self.schedule_combo = self._combo(LR_SCHEDULES, SCHEDULE_NAMES, SCHEDULE_TIPS)
        if LR_SCHEDULES:
            self._row(of, "Rate schedule", self.schedule_combo,
                      "How the learning rate changes during training: constant, or decaying towards zero so "
                      "the last epochs fine-tune with small steps.")

        # -- training
        tr = QGroupBox("Training")
        tr.setToolTip("How long and on what the network trains.")
        tf = self._form_layout(tr)
        self.epochs_spin = self._ispin(1, 1000)
        self._row(tf, "Epochs", self.epochs_spin,
                  "How many passes over all the training digits (early stopping may end sooner).")
        self.batch_spin = self._ispin(1, 8192)
        self.batch_spin.setSingleStep(32)
        self._row(tf, "Batch size", self.batch_spin,
                  "How many digits each weight update averages over: larger batches are faster per epoch "
                  "and smoother, smaller ones make more (noisier) updates.")
        self.val_spin = self._dspin(1.0, 89.0, 5.0, 1)
        self.val_spin.setSuffix(" %")
        self._row(tf, "Validation", self.val_spin,
                  "Share of the training digits held back and checked after every epoch; the best epoch "
                  "and early stopping are judged on these unseen digits.")
        self.patience_spin = self._ispin(0, 1000)
        self.patience_spin.setSpecialValueText("off")
        self._row(tf, "Early stopping", self.patience_spin,
                  "Stop when validation accuracy has not improved for this many epochs (off = run every "
                  "epoch).")
        self.restore_best_check = QCheckBox("Keep the best epoch's weights")
        self._row(tf, "Weights kept", self.restore_best_check,
                  "Checked: the network ends with the weights of the epoch that scored best on the "
                  "validation digits. Unchecked: the last epoch's, which is usually as good at the end "
                  "of a cosine schedule, where the best on a few hundred digits is partly luck.")
        self.seed_spin = self._ispin(0, 2**31 - 1)
        self._row(tf, "Random seed", self.seed_spin,
                  "Starting point of all randomness (initial weights, shuffling, augmentation, the "
                  "validation split): the same seed and settings train the same network.")
        self.augment_check = QCheckBox("Distort the training digits")
        self._row(tf, "Augmentation", self.augment_check,
                  "Show the network randomly rotated, zoomed, sheared, shifted, warped and thicker or "
                  "thinner copies of the digits, so it copes with real handwriting.")
        self.strength_spin = self._dspin(0.0, 3.0, 0.25, 2)
        self._row(tf, "Strength", self.strength_spin,
                  "How strong the distortions are: 0 none, 1 the default, 2 strong, 3 extreme.")
        self.augment_check.toggled.connect(self.strength_spin.setEnabled)

        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setToolTip("What is wrong with the settings; Start is disabled until it is fixed.")
        self.form_error.setStyleSheet("color: #b00020;")
        self.form_error.hide()
        self.reset_button = QPushButton("Reset to defaults")
        self.reset_button.setToolTip("Put every network and training setting back to the tutorial's defaults "
                                     "(the data choice stays).")
        self.reset_button.clicked.connect(self.reset_to_defaults)

        self._config_boxes = (net, opt, tr)
        self._data_box = data
        for w in (data, net, opt, tr):
            col.addWidget(w)
        col.addWidget(self.form_error)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        col.addLayout(reset_row)
        col.addStretch(1)

        for w in (self.hidden_edit,):
            w.textChanged.connect(self._on_form_changed)
        for w in (self.activation_combo, self.initializer_combo, self.optimizer_combo, self.schedule_combo):
            w.currentIndexChanged.connect(self._on_form_changed)
        for w in (self.dropout_spin, self.l1_spin, self.l2_spin, self.lr_spin, self.epochs_spin,
                  self.batch_spin, self.val_spin, self.patience_spin, self.seed_spin, self.strength_spin):
            w.valueChanged.connect(self._on_form_changed)
        self.augment_check.toggled.connect(self._on_form_changed)
        self.restore_best_check.toggled.connect(self._on_form_changed)

        scroll = QScrollArea()
        scroll.setWidget(host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for the whole form when the window has it, yet usable (scrolling) in a small window.
        self._form_width = host.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        scroll.setMinimumWidth(min(self._form_width, 250))
        scroll.setToolTip(host.toolTip())
        return scroll

    def _build_right(self) -> QWidget:
        host = QWidget()
        host.setToolTip("Progress, live curves and the result of the training.")
        col = QVBoxLayout(host)
        col.setContentsMargins(4, 0, 0, 0)

        bar = QHBoxLayout()
        self.start_button = QPushButton("Start training")
        self.start_button.setToolTip("Train a new network with these settings in the background. Your current "
                                     "model stays in use until you choose the new one.")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_from_form)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the training; nothing is saved and your models are unchanged.")
        self.cancel_button.clicked.connect(self.request_stop)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("Not started")
        self.progress.setToolTip("Epoch, batch and the estimated time left.")
        self.progress.setMinimumWidth(120)
        bar.addWidget(self.start_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress, 1)
        col.addLayout(bar)
        self.status_label = QLabel("Ready.")
        self.status_label.setToolTip("What the training is doing now.")
        col.addWidget(self.status_label)

        self.banner = QFrame()
        self.banner.setObjectName("errorBanner")
        self.banner.setStyleSheet("#errorBanner { background: #fdecea; border: 1px solid #e8a39b; border-radius: 4px; }"
                                  " #errorBanner QLabel { color: #611a15; }")
        self.banner.setToolTip("A problem with the last training.")
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 6, 6, 6)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_label.setToolTip("The error message; you can select and copy it.")
        self.banner_details = QToolButton()
        self.banner_details.setText("Details…")
        self.banner_details.setToolTip("Show the technical details (for a bug report).")
        self.banner_details.clicked.connect(self._show_details)
        self.banner_close = QToolButton()
        self.banner_close.setText("✕")
        self.banner_close.setAutoRaise(True)
        self.banner_close.setToolTip("Hide this message.")
        self.banner_close.clicked.connect(self.banner.hide)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.banner_details, 0, Qt.AlignmentFlag.AlignTop)
        bl.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        self._details = ""
        col.addWidget(self.banner)

        self.curves = CurvesView()

        # -- results
        result_tip = "How well the trained network reads the test digits it never saw."
        self.result_stack = QStackedWidget()
        self.result_stack.setToolTip(result_tip)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setToolTip("What happened to the last training.")
        self.result_stack.addWidget(self.note_label)

        page = QWidget()
        page.setToolTip(result_tip)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.accuracy_label = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.accuracy_label.setFont(big)
        self.accuracy_label.setToolTip("Share of the test digits the new network reads correctly.")
        self.result_details = QLabel()
        self.result_details.setWordWrap(True)
        self.result_details.setToolTip("The test split, how long it trained and which epoch was kept.")
        self.name_edit = QLineEdit()
        self.name_edit.setToolTip("The model's name in the Models list; edit it and press Enter to rename.")
        self.name_edit.editingFinished.connect(self._rename)
        self.use_button = QPushButton("Use this model")
        self.use_button.setToolTip("Make this the active model: the Draw tab reads your digits with it at once.")
        self.use_button.clicked.connect(self.use_model)
        self.save_as_button = QPushButton("Save as…")
        self.save_as_button.setToolTip("Export this model to a .zip file you can keep, share or import elsewhere "
                                       "(it is already in your Models list).")
        self.save_as_button.clicked.connect(self.save_as)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Delete this model from your Models list.")
        self.discard_button.clicked.connect(self.discard)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setToolTip("Where the model is kept.")
        left = QVBoxLayout()
        left.addWidget(self.accuracy_label)
        left.addWidget(self.result_details)
        name_row = QHBoxLayout()
        name_caption = QLabel("Name:")
        name_caption.setToolTip(self.name_edit.toolTip())
        name_row.addWidget(name_caption)
        name_row.addWidget(self.name_edit, 1)
        left.addLayout(name_row)
        left.addWidget(self.saved_label)
        buttons = QHBoxLayout()
        for b in (self.use_button, self.save_as_button, self.discard_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)
        self.confusion = ConfusionView()
        self.confusion.cellOpened.connect(self.open_cell)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(520)
        left_host.setToolTip(result_tip)
        left.setContentsMargins(0, 0, 12, 0)
        grid.addWidget(left_host, 0, 0)
        grid.addWidget(self.confusion, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        page_scroll = QScrollArea()  # the matrix needs ~380 px: scroll rather than widen the window
        page_scroll.setWidget(page)
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setToolTip(result_tip)
        self.result_page = page_scroll
        self.result_stack.addWidget(page_scroll)

        log_tip = "One line per epoch: loss and accuracy on the training and validation digits."
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log.setMaximumBlockCount(5000)
        self.log.setToolTip(log_tip)
        self.log.setPlaceholderText("Each finished epoch adds a line here.")

        # The log while training, the result once it ends (each gets the whole width).
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.setToolTip("The result of the training and its epoch log.")
        self.bottom_tabs.addTab(self.result_stack, "Result")
        self.bottom_tabs.addTab(self.log, "Epoch log")
        self.bottom_tabs.setTabToolTip(0, result_tip)
        self.bottom_tabs.setTabToolTip(1, log_tip)
        bottom = self.bottom_tabs
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.setToolTip("Drag the divider to resize the curves and the result.")
        vsplit.addWidget(self.curves)
        vsplit.addWidget(bottom)
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        # Initially the whole result (text and matrix) shows; the curves get the rest.
        bottom_height = page.sizeHint().height() + self.bottom_tabs.tabBar().sizeHint().height() + 8
        vsplit.setSizes([max(420, self.curves.sizeHint().height()), bottom_height])
        vsplit.setChildrenCollapsible(False)
        col.addWidget(vsplit, 1)
        return host

    @staticmethod
    def _form_layout(box: QGroupBox) -> QFormLayout:
        f = QFormLayout(box)
        f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return f

    @staticmethod
    def _row(form: QFormLayout, label: str, field: QWidget, tip: str) -> None:
        caption = QLabel(label + ":")
        caption.setToolTip(tip)
        caption.setBuddy(field)
        field.setToolTip(tip)
        form.addRow(caption, field)

    @staticmethod
    def _combo(values, names: dict, tips: dict) -> QComboBox:
        c = QComboBox()
        for i, v in enumerate(values):
            c.addItem(names.get(v, v), v)
            if v in tips:
                c.setItemData(i, tips[v], Qt.ItemDataRole.ToolTipRole)
        return c

    @staticmethod
    def _dspin(lo: float, hi: float, step: float, decimals: int) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(lo, hi)
        s.setSingleStep(step)
        s.setDecimals(decimals)
        s.setKeyboardTracking(False)
        return s

    @staticmethod
    def _ispin(lo: int, hi: int) -> QSpinBox:
        s = QSpinBox()
        s.setRange(lo, hi)
        s.setKeyboardTracking(False)
        s.setStepType(QAbstractSpinBox.StepType.DefaultStepType)
        return s

    # ================================================================================= the form
    def set_form(self, network: NetworkConfig, training: TrainingConfig) -> None:
        """Show these settings in the form (does not start anything)."""
        was = self._loading_form
        self._loading_form = True
        try:
            self.hidden_edit.setText(", ".join(str(n) for n in network.hidden))
            _select(self.activation_combo, network.activation)
            self.dropout_spin.setValue(network.dropout)
            self.l1_spin.setValue(network.l1)
            self.l2_spin.setValue(network.l2)
            _select(self.initializer_combo, network.initializer)
            _select(self.optimizer_combo, network.optimizer)
            self.lr_spin.setValue(network.learning_rate)
            self.epochs_spin.setValue(training.epochs)
            self.batch_spin.setValue(training.batch_size)
            self.val_spin.setValue(training.validation_split * 100.0)
            self.patience_spin.setValue(training.patience)
            self.seed_spin.setValue(training.seed)
            self.augment_check.setChecked(training.augment)
            self.restore_best_check.setChecked(training.restore_best)
            self.strength_spin.setValue(training.augment_strength)
            self.strength_spin.setEnabled(training.augment)
            if LR_SCHEDULES:
                _select(self.schedule_combo, getattr(training, "lr_schedule", LR_SCHEDULES[0]))
            self._base_network, self._base_training = network, training
        finally:
            self._loading_form = was
        self._on_form_changed()

    def form_configs(self) -> tuple[NetworkConfig, TrainingConfig]:
        """The form as validated configs; ConfigError names the field that is wrong."""
        # replace(): fields this form does not know (a newer model/) keep the values last shown.
        network = dataclasses.replace(
            self._base_network,
            hidden=parse_hidden(self.hidden_edit.text()),
            activation=self.activation_combo.currentData(),
            dropout=round(self.dropout_spin.value(), 4),
            l1=self.l1_spin.value(),
            l2=self.l2_spin.value(),
            initializer=self.initializer_combo.currentData(),
            optimizer=self.optimizer_combo.currentData(),
            learning_rate=self.lr_spin.value(),
        ).validate()
        extra = {"lr_schedule": self.schedule_combo.currentData()} if LR_SCHEDULES else {}
        training = dataclasses.replace(
            self._base_training,
            **extra,
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            validation_split=round(self.val_spin.value() / 100.0, 4),
            patience=self.patience_spin.value(),
            seed=self.seed_spin.value(),
            augment=self.augment_check.isChecked(),
            augment_strength=round(self.strength_spin.value(), 4),
            restore_best=self.restore_best_check.isChecked(),
        ).validate()
        return network, training

    def reset_to_defaults(self) -> None:
        self.set_form(NetworkConfig(), TrainingConfig())

    def source(self) -> str:
        """The data source as model.data.load_source takes it: 'mnist' or a path ('' if none)."""
        return "mnist" if self.mnist_radio.isChecked() else self.path_edit.text().strip()

    def set_source(self, source: str) -> None:
        was = self._loading_form
        self._loading_form = True
        try:
            if is_mnist(source):
                self.mnist_radio.setChecked(True)
            else:
                self.path_radio.setChecked(True)
                self.path_edit.setText(str(source))
        finally:
            self._loading_form = was
        self._on_source_changed()

    @Slot()
    def _on_form_changed(self, *_) -> None:
        try:
            self.form_configs()
        except ConfigError as exc:
            self._form_problem = str(exc)
        else:
            self._form_problem = None
            if not self._loading_form:
                self._save_timer.start()
        self._update_start()

    def _update_start(self) -> None:
        problem = getattr(self, "_form_problem", None)
        if problem is None and not self.source():
            problem = "Choose a folder or an .npz file with digits, or MNIST."
        self.form_error.setText(problem or "")
        self.form_error.setVisible(bool(problem))
        self.start_button.setEnabled(problem is None and not self.is_busy())
        self.start_button.setToolTip(
            f"Fix the settings first: {problem}" if problem else
            "Train a new network with these settings in the background. Your current model stays in use "
            "until you choose the new one.")

    def save_settings(self) -> None:
        """Remember the form (if it is valid) in QSettings; edits are saved this way once they pause,
        and when the tab is hidden (the window closing)."""
        self._save_timer.stop()
        try:
            network, training = self.form_configs()
        except ConfigError:
            return
        _settings().setValue(SETTINGS_KEY, json.dumps({
            "network": network.to_dict(), "training": training.to_dict(),
            "source": "mnist" if self.mnist_radio.isChecked() else "path",
            "path": self.path_edit.text().strip(),
        }))

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._save_timer.isActive():
            self.save_settings()
        super().hideEvent(event)

    def _restore_form(self) -> None:
        network, training, source, path = NetworkConfig(), TrainingConfig(), "mnist", ""
        try:
            saved = json.loads(str(_settings().value(SETTINGS_KEY, "") or "{}"))
            network = NetworkConfig.from_dict(saved.get("network") or {})
            training = TrainingConfig.from_dict(saved.get("training") or {})
            source, path = saved.get("source", "mnist"), str(saved.get("path") or "")
        except (ValueError, TypeError, AttributeError, ConfigError):
            pass  # unreadable or from another version: the defaults
        self._loading_form = True
        try:
            self.set_form(network, training)
            self.path_edit.setText(path)
            (self.path_radio if source == "path" else self.mnist_radio).setChecked(True)
        finally:
            self._loading_form = False

    # ================================================================================= data box
    def _on_path_typed(self, _text: str) -> None:
        if not self._loading_form and self.path_edit.hasFocus() and not self.path_radio.isChecked():
            self.path_radio.setChecked(True)
        self._update_start()

    @Slot()
    def _on_source_changed(self, *_) -> None:
        self._update_data_box()
        if not self._loading_form:
            self._on_form_changed()
        else:
            self._update_start()

    def _update_data_box(self) -> None:
        mnist = self.mnist_radio.isChecked()
        if mnist_cached():
            self.mnist_status.setText("Cached copy found: no download needed.")
            self.mnist_status.setToolTip("MNIST is in Keras's cache on this computer.")
        else:
            self.mnist_status.setText("Not on this computer yet: 11 MB are downloaded when training starts.")
            self.mnist_status.setToolTip("Needs an internet connection once; without one, use a folder or "
                                         ".npz file instead.")
        self.mnist_status.setEnabled(mnist)
        for w in (self.folder_button, self.file_button):
            w.setEnabled(not self.is_busy())
        if mnist:
            self._probe_source = None
            self._set_data_info("")
            return
        source = self.source()
        if not source:
            self._set_data_info("")
            return
        if source != self._probe_source:
            self._probe_source = source
            self._set_data_info("Reading…")
            probe = DataProbe(source)
            probe.loaded.connect(self._on_probe_loaded)
            probe.failed.connect(self._on_probe_failed)
            start_in_thread(probe)

    def _set_data_info(self, text: str, error: bool = False) -> None:
        self.data_info.setText(text)
        self.data_info.setStyleSheet("color: #b00020;" if error else "")
        self.data_info.setVisible(bool(text))

    @Slot(str, object)
    def _on_probe_loaded(self, source: str, summary: DataSummary) -> None:
        if source == self.source():
            self._set_data_info(summary.describe())

    @Slot(str, str)
    def _on_probe_failed(self, source: str, message: str) -> None:
        if source == self.source():
            self._set_data_info(message, error=True)

    def _start_dir(self) -> str:
        current = self.path_edit.text().strip()
        if current:
            p = Path(current).expanduser()
            return str(p if p.is_dir() else p.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of IDX digit files", self._start_dir())
        if folder:
            self.set_source(folder)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose an .npz file of digits", self._start_dir(),
                                              "NumPy digit archives (*.npz);;All files (*)")
        if path:
            self.set_source(path)

    # ================================================================================= running
    def is_busy(self) -> bool:
        return self._worker is not None

    def _start_from_form(self) -> None:
        self.start_training(self.source())

    def start_training(self, source: str, network: NetworkConfig | None = None,
                       training: TrainingConfig | None = None) -> None:
        """Start training in the background; without configs, the form's settings are used.

        Explicit configs are shown in the form but not remembered as the user's settings.
        """
        if self.is_busy():
            raise RuntimeError("A training is already running; cancel it first.")
        if self._save_timer.isActive():
            self.save_settings()
        self.banner.hide()
        try:
            if not str(source).strip():
                raise ConfigError("Choose a folder or an .npz file with digits, or MNIST.")
            if network is None or training is None:
                form_network, form_training = self.form_configs()
                network, training = network or form_network, training or form_training
            network = NetworkConfig.from_dict(network.to_dict())  # a validated copy the form cannot change
            training = TrainingConfig.from_dict(training.to_dict())
        except ConfigError as exc:
            self._show_error(str(exc))
            self.trainingFinished.emit(Outcome(error=str(exc)).summary())
            return
        # Show what runs; explicit settings (the self-test's) are not remembered as the user's.
        self._loading_form = True
        try:
            self.set_source(str(source))
            self.set_form(network, training)
        finally:
            self._loading_form = False

        worker = TrainingWorker(str(source), network, training, self.store)
        worker.stageChanged.connect(self._on_stage)
        worker.dataLoaded.connect(self._on_data_loaded)
        worker.trainingBegan.connect(self._on_began)
        worker.batchesDone.connect(self._on_batches)
        worker.epochFinished.connect(self._on_epoch)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self._started_at = time.perf_counter()
        self._epochs_seen = self._batches_seen = 0
        self._stopping = False
        self._stage = ""
        self.outcome = None
        self.curves.reset(training.epochs)
        self.log.clear()
        self._log(f"Training {worker.name}")
        self._log(f"  network:  {_settings_line(network.to_dict())}")
        self._log(f"  training: {_settings_line(training.to_dict())}")
        self.bottom_tabs.setCurrentWidget(self.log)
        self._show_note("Training… the result appears here when it ends.")
        self.progress.setRange(0, 0)
        self.progress.setFormat("Starting…")
        self._set_running(True)
        start_in_thread(worker)
        self.trainingStarted.emit()

    def request_stop(self) -> None:
        """Cancel the running training (nothing is saved). Returns at once; trainingFinished follows
        within a second."""
        worker = self._worker
        if worker is None or self._stopping:
            return
        if not worker.cancel():
            self.status_label.setText("Saving the finished model; it will be kept.")
            return
        self._stopping = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText("Stopping…")
        if self._stage in PREPARING_STAGES or self._batches_seen == 0:
            # Loading data, downloading or importing TensorFlow cannot be interrupted; the worker
            # notices the cancel when it gets past that, saves nothing and ends on its own.
            self._abandon()
        else:
            self._stop_timer.start(STOP_GRACE_MS)

    def shutdown(self, timeout_s: float = 20.0) -> bool:
        """Cancel any training and wait for every worker thread to end (for closing the app)."""
        from .worker import threads

        self.request_stop()
        return threads().stop_all(timeout_s)

    def _set_running(self, running: bool) -> None:
        for box in (*self._config_boxes, self._data_box):
            box.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_start()
        for w in (self.folder_button, self.file_button):
            w.setEnabled(not running)

    def _is_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker

    @Slot(str, str)
    def _on_stage(self, stage: str, text: str) -> None:
        if not self._is_current():
            return
        self._stage = stage
        if self._stopping:
            return
        self.status_label.setText(text)
        if stage in PREPARING_STAGES or stage == STAGE_SAVING:
            self.progress.setRange(0, 0)  # indeterminate: we cannot tell how long it takes
            self.progress.setFormat(text.rstrip("…"))
        elif stage == STAGE_TRAINING:
            self.progress.setRange(0, 0)
            self.progress.setFormat("Preparing the network…")

    @Slot(object)
    def _on_data_loaded(self, summary: DataSummary) -> None:
        if not self._is_current():
            return
        self._set_data_info(summary.describe())
        self._log(f"  data: {summary.name}: {summary.describe()}")

    @Slot(object)
    def _on_began(self, p) -> None:
        if not self._is_current():
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(f"Epoch 1 of {p.epochs} · batch 0 of {p.batches}")
        self.status_label.setText(f"Training: {p.batches} batches per epoch.")

    @Slot(object, object)
    def _on_batches(self, p, points) -> None:
        if not self._is_current() or self._stopping:
            return
        self._batches_seen += len(points)
        self.curves.add_batches(points)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1000)
        self.progress.setValue(round(1000 * p.fraction))
        eta = f" · {duration(p.eta)} left" if p.eta is not None else ""
        self.progress.setFormat(f"Epoch {p.epoch} of {p.epochs} · batch {p.batch} of {p.batches}{eta}")
        self.status_label.setText(f"Training: loss {p.loss:.4f}, accuracy {p.accuracy:.1%} this epoch · "
                                  f"{duration(p.elapsed)} so far.")

    @Slot(object)
    def _on_epoch(self, p) -> None:
        if not self._is_current() or self._stopping:
            return
        self._epochs_seen = p.epoch
        self.curves.add_epoch(p)
        val = ""
        if p.val_loss is not None:
            val = f"  val_loss {p.val_loss:.4f}  val_acc {p.val_accuracy:7.2%}"
        self._log(f"Epoch {p.epoch:>{len(str(p.epochs))}}/{p.epochs}  loss {p.loss:.4f}  acc {p.accuracy:7.2%}"
                  f"{val}  {duration(p.elapsed)}")
        self.epochFinished.emit(p)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if not self._is_current():
            return  # a worker the tab stopped waiting for
        self._finish(outcome)

    def _abandon(self) -> None:
        """Stop waiting for a cancelled worker: report the cancel now; the worker ends by itself."""
        if self._worker is None:
            return
        self._finish(Outcome(cancelled=True, stage=self._stage, epochs_done=self._epochs_seen,
                             seconds=time.perf_counter() - self._started_at, model_name=self._worker.name))

    def _finish(self, outcome: Outcome) -> None:
        self._stop_timer.stop()
        self._worker = None
        self._stopping = False
        self.outcome = outcome
        self._set_running(False)
        self.curves.redraw()
        self.progress.setRange(0, 1000)
        if outcome.cancelled:
            n = outcome.epochs_done
            self.progress.setValue(0)
            self.progress.setFormat("Cancelled")
            text = f"Cancelled after {n} epoch{'s' if n != 1 else ''}."
            self.status_label.setText(text + " Nothing was saved.")
            self._log(text + " Nothing was saved.")
            self._show_note(f"<b>{text}</b><br>Nothing was saved; your models are unchanged.")
        elif outcome.error:
            self.progress.setValue(0)
            self.progress.setFormat("Failed")
            self.status_label.setText("The training did not finish.")
            self._log(f"Error: {outcome.error}")
            self._show_error(outcome.error, outcome.details)
            self._show_note("The training did not finish; see the message above.<br>"
                            "Your models are unchanged.")
        else:
            self.progress.setValue(1000)
            self.progress.setFormat(f"Done in {duration(outcome.seconds)}")
            self.status_label.setText("Finished; the model is saved in your Models list.")
            self._show_result(outcome)
        self.bottom_tabs.setCurrentWidget(self.result_stack)
        self.trainingFinished.emit(outcome.summary())

    # ================================================================================= results
    def _show_note(self, html: str) -> None:
        self.note_label.setText(html)
        self.result_stack.setCurrentWidget(self.note_label)

    def _show_result(self, o: Outcome) -> None:
        if o.test_accuracy is not None:
            self.accuracy_label.setText(f"Test accuracy {o.test_accuracy:.2%}")
            details = f"on {o.test_n:,} test digits it never saw during training"
        else:
            self.accuracy_label.setText("Trained (no test digits)")
            details = "the data has no test split"
        epochs = len(o.history.get("loss", [])) or o.epochs_done
        details += (f"<br>{epochs} epoch{'s' if epochs != 1 else ''} in {duration(o.seconds)}; the weights "
                    f"of epoch {o.best_epoch} (best on validation) are kept.")
        if o.confusion is not None:
            details += "<br>Click a cell of the matrix to see its digits."
        self.result_details.setText(details)
        info = o.model_info
        self.name_edit.setText(getattr(info, "name", o.model_name or ""))
        self.name_edit.setCursorPosition(0)
        self.saved_label.setText("Saved in your Models list; drawing uses it once you press “Use this model”.")
        self.saved_label.setToolTip(f"Saved in {getattr(info, 'path', '')}")
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(info is not None)
        self.name_edit.setEnabled(info is not None)
        self.use_button.setText("Use this model")
        self.confusion.set_matrix(o.confusion)
        self.confusion.setVisible(o.confusion is not None)
        self.curves.mark_best(o.best_epoch)
        self.result_stack.setCurrentIndex(1)
        acc = f"{o.test_accuracy:.2%}" if o.test_accuracy is not None else "n/a"
        self._log(f"Test accuracy {acc} on {o.test_n:,} digits; best epoch {o.best_epoch}; "
                  f"saved as “{self.name_edit.text()}”.")

    def use_model(self) -> None:
        """Make the trained model the store's active model and announce it (modelActivated)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return
        try:
            self.store.activate(info.id)
        except Exception as exc:  # noqa: BLE001 - StoreError/OSError: shown, never a crash
            self._show_error(f"Could not switch to this model: {exc}")
            return
        self.use_button.setText("In use ✓")
        self.use_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.discard_button.setToolTip("This model is in use; switch to another model before deleting it.")
        self.status_label.setText(f"Now using “{info.name}”.")
        self.modelActivated.emit(info.id)

    def save_as(self, path: str | None = None) -> str | None:
        """Export the trained model as a .zip (asks where unless ``path`` is given)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return None
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = str(_settings().value("training/export_dir", folder) or folder)
            suggested = os.path.join(folder, f"{_file_stem(self.name_edit.text() or info.id)}.zip")
            path, _ = QFileDialog.getSaveFileName(self, "Save the model as", suggested,
                                                  "DigitPad model (*.zip)")
            if not path:
                return None
        if not path.lower().endswith(".zip"):
            path += ".zip"
        try:
            self.store.export(info.id, path)
        except Exception as exc:  # noqa: BLE001
            self._show_error(f"The model could not be exported: {exc}")
            return None
        _settings().setValue("training/export_dir", os.path.dirname(os.path.abspath(path)))
        self.status_label.setText(f"Exported to {path}.")
        return path

    def _rename(self) -> None:
        info = self.outcome.model_info if self.outcome else None
        name = self.name_edit.text().strip()
        if info is None or not name or name == info.name:
            return
        try:
            self.outcome.model_info = self.store.rename(info.id, name)
        except Exception as exc:  # noqa: BLE001
            self._show_error(f"Could not rename the model: {exc}")
            self.name_edit.setText(info.name)
            return
        self.status_label.setText(f"Renamed to “{name}”.")

    def discard(self, confirm: bool = True) -> None:
        """Delete the trained model from the store (after asking)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, "Discard this model?",
                f"Delete “{info.name}” from your Models list? This cannot be undone.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        try:
            self.store.delete(info.id)
        except Exception as exc:  # noqa: BLE001
            self._show_error(f"Could not delete the model: {exc}")
            return
        self.outcome.model_info = None
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(False)
        self.name_edit.setEnabled(False)
        self.saved_label.setText("Discarded: the model was deleted.")
        self.status_label.setText("The trained model was discarded.")

    def open_cell(self, true_digit: int, predicted: int):
        o = self.outcome
        if o is None or o.x_test is None or o.predictions is None:
            return None
        dialog = cell_dialog(true_digit, predicted, o.x_test, o.y_test, o.predictions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog

    # ================================================================================= messages
    def _show_error(self, message: str, details: str | None = None) -> None:
        self.banner_label.setText(message)
        self._details = details or ""
        self.banner_details.setVisible(bool(details))
        self.banner.show()

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Training error", self.banner_label.text(),
                          QMessageBox.StandardButton.Close, self)
        box.setDetailedText(self._details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def error_text(self) -> str:
        """The message shown in the tab's error banner ('' when none is shown)."""
        return self.banner_label.text() if not self.banner.isHidden() else ""

    def _log(self, line: str) -> None:
        self.log.appendPlainText(line)


def _settings_line(d: dict) -> str:
    """{"hidden": [256, 128], "dropout": 0.2} -> "hidden 256-128, dropout 0.2"."""
    def fmt(v):
        return "-".join(map(str, v)) if isinstance(v, (list, tuple)) else f"{v:g}" if isinstance(v, float) else str(v)
    return ", ".join(f"{k.replace('_', ' ')} {fmt(v)}" for k, v in d.items())


def _select(combo: QComboBox, value) -> None:
    i = combo.findData(value)
    if i < 0:
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(i)


def _file_stem(name: str) -> str:
    stem = re.sub(r"[^\w\-. ]+", "-", name).strip(" .-")
    return re.sub(r"\s+", " ", stem)[:80] or "model"
