"""The Train tab's form: the data to train on and every network and training setting, with tooltips.

It covers every field of model.training.network.NetworkConfig and model.training.trainer.TrainingConfig (the
tutorial's vocabulary: activations, initialisers, dropout, L1/L2, optimizers, learning rate,
early stopping, augmentation), validates as you type (``problem()``), and is remembered in
QSettings. A folder or .npz is read in the background to say how many digits it holds.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.data.sources import mnist_cached
from model.training.network import (
    HIDDEN_ACTIVATIONS,
    INITIALIZERS,
    OPTIMIZERS,
    ConfigError,
    NetworkConfig,
    parse_hidden,
)
from model.training.trainer import LR_SCHEDULES, TrainingConfig

from .. import settings as prefs
from ..theme import ERROR_TEXT
from ..widgets.sci_spinbox import SciSpinBox
from .extra_data import ExtraDataBox
from .texts import describe_data
from .vocabulary import (
    ACTIVATION_NAMES,
    ACTIVATION_TIPS,
    FIELD_TIPS,
    INITIALIZER_NAMES,
    OPTIMIZER_NAMES,
    OPTIMIZER_TIPS,
    SCHEDULE_NAMES,
    SCHEDULE_TIPS,
    tr_vocab,
)
from .worker import DataProbe, DataSummary, is_drawn, is_mnist


class TrainingForm(QScrollArea):
    """The settings column (it scrolls in a small window). ``changed`` after every edit; the
    tab reads ``problem()``, ``form_configs()`` and ``source()``."""

    changed = Signal()

    def __init__(self, samples_count=None, parent: QWidget | None = None):
        """``samples_count()``: how many samples the user has (for "Plus my samples")."""
        super().__init__(parent)
        self._samples_count = samples_count
        self._loading_form = False
        self._running = False
        self._form_problem: str | None = None
        self._probe_source: str | None = None
        self._probe: DataProbe | None = None  # the newest probe: older ones' answers are stale
        self._base_network, self._base_training = NetworkConfig(), TrainingConfig()
        self._save_timer = QTimer(self)  # the form is written to QSettings once edits pause
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_settings)
        host = self._build()
        self.setWidget(host)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for the whole form when the window has it, yet usable (scrolling) in a small window.
        self.form_width = host.sizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4
        self.setMinimumWidth(min(self.form_width, 250))
        self.setToolTip(host.toolTip())
        self._restore_form()
        self._loading_form = True
        try:
            self._update_data_box()
            self._on_form_changed()
        finally:
            self._loading_form = False

    def show_run(self, source: str, network: NetworkConfig, training: TrainingConfig,
                 drawn: bool, samples: bool) -> None:
        """Show what a training runs; explicit settings (the self-test's) are not remembered."""
        self._loading_form = True
        try:
            self.set_source(source)
            self.set_form(network, training)
            self.extra_data.set_options(drawn, samples)
        finally:
            self._loading_form = False

    def save_pending(self) -> None:
        """Write edits that are waiting for the pause (before a training starts)."""
        if self._save_timer.isActive():
            self.save_settings()

    def _build(self) -> QWidget:
        host = QWidget()
        host.setToolTip(self.tr("What to train on and how."))
        col = QVBoxLayout(host)
        col.setContentsMargins(0, 0, 4, 0)
        data, net, opt, tr = (self._build_data_box(), self._build_network_box(), self._build_optimizer_box(),
                              self._build_training_box())
        self._config_boxes = (net, opt, tr)
        self._data_box = data
        for w in (data, net, opt, tr):
            col.addWidget(w)
        self._build_footer(col)
        col.addStretch(1)
        self._connect_fields()
        return host

    def _build_data_box(self) -> QGroupBox:
        data = QGroupBox(self.tr("Data"))
        data.setToolTip(self.tr("The handwritten digits to learn from; their test split measures the result."))
        dl = QVBoxLayout(data)
        self.mnist_radio = QRadioButton(self.tr("MNIST (60,000 training + 10,000 test digits)"))
        self.mnist_radio.setToolTip(self.tr("The classic set of handwritten digits from 500 writers, 28×28 pixels "
                                            "each. Downloaded once (11 MB) and cached."))
        self.mnist_status = QLabel()
        self.mnist_status.setWordWrap(True)
        self.mnist_status.setIndent(22)
        self.drawn_radio = QRadioButton(self.tr("The drawn digits shipped with DigitPad (no download)"))
        self.drawn_radio.setToolTip(self.tr("Digits people drew with a stylus (UNIPEN, CC BY 4.0), already on this "
                                            "computer: no internet needed; tested on writers it never trains on. "
                                            "MNIST adds more."))
        self.path_radio = QRadioButton(self.tr("Digits from a folder or an .npz file"))
        self.path_radio.setToolTip(self.tr("Your own digits: a folder of MNIST-style IDX files (train-images*, "
                                   "train-labels*, optionally t10k-*) or an .npz with x_train, y_train "
                                   "(and x_test, y_test)."))
        self.source_group = QButtonGroup(self)
        for radio in (self.mnist_radio, self.drawn_radio, self.path_radio):
            self.source_group.addButton(radio)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("IDX folder or .npz file"))
        self.path_edit.setToolTip(self.tr("The IDX folder or .npz file to train on; type a path or use the buttons."))
        self.path_edit.setClearButtonEnabled(True)
        self.folder_button = QToolButton()
        self.folder_button.setText(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Choose a folder of MNIST-style IDX files."))
        self.file_button = QToolButton()
        self.file_button.setText(self.tr("File…"))
        self.file_button.setToolTip(self.tr("Choose an .npz file with x_train, y_train (and x_test, y_test)."))
        prow = QHBoxLayout()
        prow.setContentsMargins(22, 0, 0, 0)
        prow.addWidget(self.path_edit, 1)
        prow.addWidget(self.folder_button)
        prow.addWidget(self.file_button)
        self.data_info = QLabel()
        self.data_info.setWordWrap(True)
        self.data_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_info.setToolTip(self.tr("How many digits the chosen data holds and how they are split."))
        for w in (self.mnist_radio, self.mnist_status, self.drawn_radio):
            dl.addWidget(w)
        dl.addWidget(self.path_radio)
        dl.addLayout(prow)
        dl.addWidget(self.data_info)
        self.extra_data = ExtraDataBox(self._samples_count)
        self.extra_data.changed.connect(self._on_form_changed)
        dl.addWidget(self.extra_data)
        self.mnist_radio.toggled.connect(self._on_source_changed)
        self.drawn_radio.toggled.connect(self._on_source_changed)
        self.path_edit.editingFinished.connect(self._on_source_changed)
        self.path_edit.textChanged.connect(self._on_path_typed)
        self.folder_button.clicked.connect(self._choose_folder)
        self.file_button.clicked.connect(self._choose_file)

        return data

    def _build_network_box(self) -> QGroupBox:
        net = QGroupBox(self.tr("Network"))
        net.setToolTip(self.tr("The shape of the multi-layer perceptron: 784 pixels in, hidden layers, 10 digits out."))
        nf = self._form_layout(net)
        self.hidden_edit = QLineEdit()
        self.hidden_edit.setPlaceholderText(self.tr("e.g. 256, 128"))
        self._row(nf, self.tr("Hidden layers"), self.hidden_edit, tr_vocab(FIELD_TIPS["hidden"]))
        self.activation_combo = self._combo(HIDDEN_ACTIVATIONS, ACTIVATION_NAMES, ACTIVATION_TIPS)
        self._row(nf, self.tr("Activation"), self.activation_combo, tr_vocab(FIELD_TIPS["activation"]))
        self.dropout_spin = self._dspin(0.0, 0.9, 0.05, 2)
        self._row(nf, self.tr("Dropout"), self.dropout_spin, tr_vocab(FIELD_TIPS["dropout"]))
        self.l1_spin = SciSpinBox(0.0, 1.0)
        self._row(nf, self.tr("L1 penalty"), self.l1_spin, tr_vocab(FIELD_TIPS["l1"]))
        self.l2_spin = SciSpinBox(0.0, 1.0)
        self._row(nf, self.tr("L2 penalty"), self.l2_spin, tr_vocab(FIELD_TIPS["l2"]))
        self.initializer_combo = self._combo(INITIALIZERS, INITIALIZER_NAMES, {})
        self._row(nf, self.tr("Initial weights"), self.initializer_combo, tr_vocab(FIELD_TIPS["initializer"]))

        return net

    def _build_optimizer_box(self) -> QGroupBox:
        opt = QGroupBox(self.tr("Optimizer"))
        opt.setToolTip(self.tr("How the weights are updated from the gradient of the loss."))
        of = self._form_layout(opt)
        self.optimizer_combo = self._combo(OPTIMIZERS, OPTIMIZER_NAMES, OPTIMIZER_TIPS)
        self._row(of, self.tr("Optimizer"), self.optimizer_combo, tr_vocab(FIELD_TIPS["optimizer"]))
        self.lr_spin = SciSpinBox(1e-6, 10.0)
        self._row(of, self.tr("Learning rate"), self.lr_spin, tr_vocab(FIELD_TIPS["learning_rate"]))
        self.schedule_combo = self._combo(LR_SCHEDULES, SCHEDULE_NAMES, SCHEDULE_TIPS)
        self._row(of, self.tr("Rate schedule"), self.schedule_combo, tr_vocab(FIELD_TIPS["lr_schedule"]))

        return opt

    def _build_training_box(self) -> QGroupBox:
        tr = QGroupBox(self.tr("Training"))
        tr.setToolTip(self.tr("How long and on what the network trains."))
        tf = self._form_layout(tr)
        self.epochs_spin = self._ispin(1, 1000)
        self._row(tf, self.tr("Epochs"), self.epochs_spin, tr_vocab(FIELD_TIPS["epochs"]))
        self.batch_spin = self._ispin(1, 8192)
        self.batch_spin.setSingleStep(32)
        self._row(tf, self.tr("Batch size"), self.batch_spin, tr_vocab(FIELD_TIPS["batch_size"]))
        self.val_spin = self._dspin(1.0, 89.0, 5.0, 1)
        self.val_spin.setSuffix(self.tr(" %"))
        self._row(tf, self.tr("Validation"), self.val_spin, tr_vocab(FIELD_TIPS["validation"]))
        self.patience_spin = self._ispin(0, 1000)
        self.patience_spin.setSpecialValueText(self.tr("off"))
        self._row(tf, self.tr("Early stopping"), self.patience_spin, tr_vocab(FIELD_TIPS["patience"]))
        self.restore_best_check = QCheckBox(self.tr("Keep the best epoch's weights"))
        self._row(tf, self.tr("Weights kept"), self.restore_best_check, tr_vocab(FIELD_TIPS["restore_best"]))
        self.seed_spin = self._ispin(0, 2**31 - 1)
        self._row(tf, self.tr("Random seed"), self.seed_spin, tr_vocab(FIELD_TIPS["seed"]))
        self.augment_check = QCheckBox(self.tr("Distort the training digits"))
        self._row(tf, self.tr("Augmentation"), self.augment_check, tr_vocab(FIELD_TIPS["augment"]))
        self.strength_spin = self._dspin(0.0, 3.0, 0.25, 2)
        self._row(tf, self.tr("Strength"), self.strength_spin, tr_vocab(FIELD_TIPS["strength"]))
        self.augment_check.toggled.connect(self.strength_spin.setEnabled)

        return tr

    def _build_footer(self, col: QVBoxLayout) -> None:
        """What is wrong with the settings (Start waits until it is fixed), and Reset to defaults."""
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setToolTip(self.tr("What is wrong with the settings; Start is disabled until it is fixed."))
        self.form_error.setStyleSheet(f"color: {ERROR_TEXT};")
        self.form_error.hide()
        self.reset_button = QPushButton(self.tr("Reset to defaults"))
        self.reset_button.setToolTip(self.tr("Put every network and training setting back to the tutorial's defaults "
                                     "(the data choice stays)."))
        self.reset_button.clicked.connect(self.reset_to_defaults)

        col.addWidget(self.form_error)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        col.addLayout(reset_row)

    def _connect_fields(self) -> None:
        """Every field's edits re-validate the form (and save it once edits pause)."""
        for w in (self.hidden_edit,):
            w.textChanged.connect(self._on_form_changed)
        for w in (self.activation_combo, self.initializer_combo, self.optimizer_combo, self.schedule_combo):
            w.currentIndexChanged.connect(self._on_form_changed)
        for w in (self.dropout_spin, self.l1_spin, self.l2_spin, self.lr_spin, self.epochs_spin,
                  self.batch_spin, self.val_spin, self.patience_spin, self.seed_spin, self.strength_spin):
            w.valueChanged.connect(self._on_form_changed)
        self.augment_check.toggled.connect(self._on_form_changed)
        self.restore_best_check.toggled.connect(self._on_form_changed)

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
            c.addItem(tr_vocab(names.get(v, v)), v)
            if v in tips:
                c.setItemData(i, tr_vocab(tips[v]), Qt.ItemDataRole.ToolTipRole)
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
            _select(self.schedule_combo, training.lr_schedule)
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
        training = dataclasses.replace(
            self._base_training,
            lr_schedule=self.schedule_combo.currentData(),
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
        """The data source as model.data.sources.load_source takes it: 'mnist', 'drawn' or a path ('' if none)."""
        named = "mnist" if self.mnist_radio.isChecked() else "drawn" if self.drawn_radio.isChecked() else ""
        return named or self.path_edit.text().strip()

    def set_source(self, source: str) -> None:
        was = self._loading_form
        self._loading_form = True
        try:
            if is_mnist(source) or is_drawn(source):
                (self.mnist_radio if is_mnist(source) else self.drawn_radio).setChecked(True)
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
            self._form_problem = self._config_problem(exc)
        else:
            self._form_problem = None
            if not self._loading_form:
                self._save_timer.start()
        self._update_start()

    def _config_problem(self, exc: ConfigError) -> str:
        """What is wrong, in the user's language: the hidden layers are the one field typed freely
        (the others are bounded boxes); model/'s message (English) for anything else."""
        text = self.hidden_edit.text()
        if exc.field == "hidden":
            return self.tr("hidden: {layers} is not 1 to 6 layers of 4 to 4096 neurons each, e.g. 256,128.").format(
                layers=repr(parse_hidden(text)))
        if exc.field is None and str(exc).startswith("hidden layers"):
            return self.tr("hidden layers {text}: write the layer sizes as whole numbers separated by commas, "
                           "e.g. 256, 128 or 256,128.").format(text=repr(text))
        return str(exc)

    def problem(self) -> str | None:
        """What keeps the form from starting a training (None when it can)."""
        if self._form_problem is None and not self.source():
            return self.tr("Choose the digits to train on: MNIST, the drawn digits, or a folder or .npz file.")
        return self._form_problem

    def _update_start(self) -> None:
        problem = self.problem()
        self.form_error.setText(problem or "")
        self.form_error.setVisible(bool(problem))
        self.changed.emit()

    def set_running(self, running: bool) -> None:
        """Lock the settings while a training runs (the data box shows what it loaded)."""
        self._running = running
        for box in (*self._config_boxes, self._data_box):
            box.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        for w in (self.folder_button, self.file_button):
            w.setEnabled(not running)
        self._update_start()

    def save_settings(self) -> None:
        """Remember the form (if it is valid) in QSettings; edits are saved this way once they pause,
        and when the tab is hidden (the window closing)."""
        self._save_timer.stop()
        try:
            network, training = self.form_configs()
        except ConfigError:
            return
        samples = self.extra_data.options()[1]
        source = self.source() if self.mnist_radio.isChecked() or self.drawn_radio.isChecked() else "path"
        prefs.TRAINING_FORM.set(json.dumps({
            "network": network.to_dict(), "training": training.to_dict(), "source": source,
            "path": self.path_edit.text().strip(), "drawn": self.extra_data.drawn_check.isChecked(), "samples": samples,
        }))

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._save_timer.isActive():
            self.save_settings()
        super().hideEvent(event)

    def _restore_form(self) -> None:
        # A first start trains on MNIST when it is here, else on the drawn digits: one click, no internet.
        network, training, path = NetworkConfig(), TrainingConfig(), ""
        source = "mnist" if mnist_cached() else "drawn"
        drawn, samples = True, False
        try:
            saved = json.loads(str(prefs.TRAINING_FORM.get() or "{}"))
            network = NetworkConfig.from_dict(saved.get("network") or {})
            training = TrainingConfig.from_dict(saved.get("training") or {})
            source, path = saved.get("source", source), str(saved.get("path") or "")
            drawn, samples = bool(saved.get("drawn", True)), bool(saved.get("samples", False))
        except (ValueError, TypeError, AttributeError, ConfigError):
            pass  # unreadable or from another version: the defaults
        self._loading_form = True
        try:
            self.set_form(network, training)
            self.path_edit.setText(path)
            {"path": self.path_radio, "drawn": self.drawn_radio}.get(source, self.mnist_radio).setChecked(True)
            self.extra_data.set_options(drawn, samples)
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
            self.mnist_status.setText(self.tr("Cached copy found: no download needed."))
            self.mnist_status.setToolTip(self.tr("MNIST is in Keras's cache on this computer."))
        else:
            self.mnist_status.setText(self.tr("Not on this computer yet: 11 MB are downloaded when training starts "
                                      "(needs the internet; without it, train on the drawn digits)."))
            self.mnist_status.setToolTip(self.tr("Needs an internet connection once; without one, the download fails "
                                         "within seconds: choose the drawn digits or a folder or .npz file."))
        self.mnist_status.setEnabled(mnist)
        self.extra_data.set_drawn_is_the_data(self.drawn_radio.isChecked())
        for w in (self.folder_button, self.file_button):
            w.setEnabled(not self._running)
        if mnist or self.drawn_radio.isChecked():
            self._probe_source = None
            self.set_data_info(self.extra_data.drawn_as_data() if self.drawn_radio.isChecked() else "")
            return
        source = self.source()
        if not source:
            self.set_data_info("")
            return
        if source != self._probe_source:
            self._probe_source = source
            self.set_data_info(self.tr("Reading…"))
            probe = DataProbe(source)
            probe.finished.connect(self._on_probe_loaded)
            probe.failed.connect(self._on_probe_failed)
            self._probe = probe
            probe.start()

    def set_data_info(self, text: str, error: bool = False) -> None:
        self.data_info.setText(text)
        self.data_info.setStyleSheet(f"color: {ERROR_TEXT};" if error else "")
        self.data_info.setVisible(bool(text))

    @Slot(object)
    def _on_probe_loaded(self, summary: DataSummary) -> None:
        if self.sender() is self._probe and self._probe.source == self.source():
            self.set_data_info(describe_data(summary))

    @Slot(str, str)
    def _on_probe_failed(self, message: str, _details: str) -> None:
        if self.sender() is self._probe and self._probe.source == self.source():
            self.set_data_info(message, error=True)

    def _start_dir(self) -> str:
        """Where the folder and file dialogs start: beside the data chosen here, else the folder of
        digit data chosen last in any tab (Train, Data, Robustness)."""
        current = self.path_edit.text().strip()
        if current:
            p = Path(current).expanduser()
            return str(p if p.is_dir() else p.parent)
        return prefs.DATA_DIR.get()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of IDX digit files"),
                                                  self._start_dir())
        if folder:
            prefs.DATA_DIR.set(folder)
            self.set_source(folder)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an .npz file of digits"), self._start_dir(),
                                              self.tr("NumPy digit archives (*.npz);;All files (*)"))
        if path:
            prefs.DATA_DIR.remember(path)
            self.set_source(path)



def _select(combo: QComboBox, value) -> None:
    i = combo.findData(value)
    if i < 0:
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(i)
