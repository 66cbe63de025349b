<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="87"/>
        <source>{n} of {total} test {digit}s read correctly ({share}).
Click to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="91"/>
        <source>No {digit} was read as {read}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="92"/>
        <source>{n} of {total} test {digit}s were read as {read} ({share}).
Click to see these digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="109"/>
        <source>True digit {digit}: {n} test digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="111"/>
        <source>Read as {digit}: {n} test digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="123"/>
        <source>Confusion matrix: rows are the true digits, columns what the network read. Click a cell to see its digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="149"/>
        <source>read as →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="151"/>
        <source>Columns: the digit the network read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="152"/>
        <source>true
digit
↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="154"/>
        <source>Rows: the digit&apos;s true label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="229"/>
        <source>{digit}s read correctly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="232"/>
        <source>{digit}s read as {read}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="236"/>
        <source>Showing the first {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="238"/>
        <source>Test digit #{index}: labelled {digit}, read as {read}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <location filename="../../../app/explore/pictures.py" line="210"/>
        <source>Digits per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="211"/>
        <source>digits per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="222"/>
        <source>How many digits of each class each split holds. Balanced classes keep the network from favouring the frequent ones.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <location filename="../../../app/train/curves_view.py" line="47"/>
        <source>Live training curves; the x axis counts epochs (passes over the training digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="77"/>
        <source>Loss (cross-entropy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="77"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="79"/>
        <source>Cross-entropy loss: how wrong the network&apos;s probabilities are (lower is better). The light line is every batch; dots are whole epochs on the training and the validation digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="81"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="81"/>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="83"/>
        <source>Share of digits read correctly after each epoch, on the training digits and on the held-out validation digits; a widening gap means the network is memorising (overfitting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="86"/>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="89"/>
        <location filename="../../../app/train/curves_view.py" line="91"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="90"/>
        <location filename="../../../app/train/curves_view.py" line="92"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="104"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/curves_view.py" line="175"/>
        <source>{label} (epoch {epoch})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <location filename="../../../app/explore/data_view.py" line="48"/>
        <source>Reading {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="49"/>
        <source>{source}: not enough memory to load it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataProbe</name>
    <message>
        <location filename="../../../app/train/worker.py" line="253"/>
        <source>Reading {source}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <location filename="../../../app/explore/data_view.py" line="114"/>
        <source>Which part of the data to show: the training or the test digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="116"/>
        <source>All digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="118"/>
        <source>Only {digit}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="119"/>
        <source>Show every digit, or only one class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="126"/>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="129"/>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="132"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="146"/>
        <source>Choose data above: MNIST, a folder of IDX files or an .npz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="157"/>
        <source>Mean digit of each class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="176"/>
        <source>No digit chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="183"/>
        <source>The network reads these 784 numbers, each divided by 255, as its input (hover a pixel for its row and column).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="202"/>
        <source>Loading {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="234"/>
        <source>Mean {split} digit of each class (click one to show only that digit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="237"/>
        <source>Click a digit to see its pixel values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="261"/>
        <source>{split} #{index}: a {digit}   (28×28 pixels, values 0–255)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="309"/>
        <source>{name}: {n} {split} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="311"/>
        <source>, {n} of them {digit}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/data_view.py" line="350"/>
        <source>Could not load the data (see below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="17"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="17"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="18"/>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="18"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitChangesView</name>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="178"/>
        <source>Your held-out samples of each digit (never fine-tuned on): how many the model read right before and after. Green: better, red: worse, — : none of that digit was held out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="184"/>
        <source>Digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="184"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="184"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="221"/>
        <source>No sample of {digit} was held out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="309"/>
        <source>{digit} ({before}→{after} of {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="314"/>
        <source>No samples were held out, so no digit could be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="317"/>
        <source>Better: {digits}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="318"/>
        <source>No digit got better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="319"/>
        <source>Worse: {digits}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="320"/>
        <source>None got worse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitGridDialog</name>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="198"/>
        <source>The test digits as the network sees them: 28×28 pixels, white ink on black.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/confusion_view.py" line="218"/>
        <source>Close this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitListModel</name>
    <message>
        <location filename="../../../app/explore/digit_grid.py" line="80"/>
        <source>#{index}: a {digit}. Click to see its pixel values.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtraDataBox</name>
    <message>
        <location filename="../../../app/train/extra_data.py" line="26"/>
        <source>The drawn digits cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="39"/>
        <source>Plus the drawn digits shipped with DigitPad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="43"/>
        <source>Digits drawn with a stylus by real people (UNIPEN, CC BY 4.0): {trained} to learn from, each drawn twice, slightly slanted, stretched and rotated, some 1s with a flag and 0s slashed; and {held} of other writers kept out of training to measure how well the network reads people it never saw. A network trained on MNIST alone reads drawings much worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="49"/>
        <source>Measured on {held} it never trains on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="57"/>
        <source>Also learn from the digits you labelled under the canvas (the Samples tab); to fine-tune the model in use on them instead, use Personalise there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="71"/>
        <source>Plus my samples ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/extra_data.py" line="86"/>
        <source>{trained} to learn from, each drawn twice with variations · {held} of other writers to test (never trained on)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeansView</name>
    <message>
        <location filename="../../../app/explore/pictures.py" line="120"/>
        <source>The average of every digit of a class: where its ink usually is. Click one to show only that digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="183"/>
        <source>No digits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageTexts</name>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="17"/>
        <source>%n digit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="20"/>
        <source>%n sample(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="23"/>
        <source>%n epoch(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="26"/>
        <source>%n test digit(s) labelled {digit} that the network read correctly.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="29"/>
        <source>%n test digit(s) labelled {digit} that the network read as {read}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="32"/>
        <source>%n held-out sample(s) of {digit}: {before} read right before, {after} after.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="35"/>
        <source>Deleted %n sample(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/texts.py" line="38"/>
        <source>Your {digit}s: %n sample(s); the model never learnt from {unseen} of them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="67"/>
        <source>{value} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="68"/>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="77"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="79"/>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="80"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="96"/>
        <source>{n} training digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="99"/>
        <source>{n} to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="100"/>
        <source>{n} to validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="102"/>
        <source>{n} to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="104"/>
        <source>{n} to test (set aside from the training files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="108"/>
        <source>no test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="110"/>
        <source>plus {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="120"/>
        <source>{n} digits, {writers} writers and {unknown} of unknown writers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/texts.py" line="122"/>
        <source>{n} digits, {writers} writers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalizeCurves</name>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="61"/>
        <source>Accuracy after each fine-tuning epoch: on the base digits held back from the fine-tuning (what the model must not forget) and on your held-out samples (what it should learn; they are never trained on). The epoch kept is the best on both; then the fine-tuning is done again on all your samples for that many epochs (the refit), which leaves no held-out sample to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="92"/>
        <source>Accuracy while personalising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="92"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="92"/>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="97"/>
        <source>base digits held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="98"/>
        <source>your held-out samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="155"/>
        <source>kept (epoch {epoch})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="157"/>
        <source>refit on all your samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalizeNotice</name>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="37"/>
        <source>Measured by tests/benchmarks/bench_personalize.py on 12 people whose styles the model misread (docs/benchmarks.md), judged on their drawings it did not learn from. With 10 samples of each digit their misread drawings fell by 85% on average (44% for the worst helped); with 5, by 84% (worst 35%); with 3, by 78% (worst 24%). MNIST accuracy changed by -0.04 to -0.09 points on average (-0.7 for the worst person). A run took 12-16 s on 2 cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="280"/>
        <source>Personalise learns your handwriting from your samples: keep some on the Draw tab (✓ Correct, or the digit&apos;s key) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="284"/>
        <source>It costs about 0.1 points of accuracy on standard digits (MNIST) and takes about 15 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="287"/>
        <source>Personalise: you have {needed} or more samples of each digit you drew, what it needs to learn your style (tested on 12 writers: 85% fewer misread drawings). {cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="293"/>
        <source>Personalise learns a digit&apos;s style from about {needed} samples of it; you have fewer of {listing}. With 5 per digit it helped the 12 test writers nearly as much (84% fewer misread drawings, the least helped 35%, against 44% with {needed}). {cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="298"/>
        <source>Personalise learns a digit&apos;s style from about {needed} samples of it; you have fewer of {listing}. With fewer it helps less surely: with 3 per digit the writer it helped least lost 24% of their misread drawings, against 44% with {needed}. {cost}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalizeResultBox</name>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="239"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="239"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="242"/>
        <source>Your samples (held out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="243"/>
        <source>Accuracy on the part of your samples kept out of the fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="244"/>
        <source>Base test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="245"/>
        <source>Accuracy on the test digits of the data the model was trained on: what it must not forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="262"/>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="264"/>
        <source>Make the personalised model the one that reads your drawings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="265"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize_view.py" line="267"/>
        <source>Delete the personalised model; the active model stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalizeWorker</name>
    <message>
        <location filename="../../../app/samples/personalize.py" line="35"/>
        <source>Starting TensorFlow (the first time takes a few seconds)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="36"/>
        <source>Downloading MNIST (11 MB, once) so your model keeps reading standard digits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="54"/>
        <source>Personalising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="58"/>
        <source>Out of memory while personalising. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="90"/>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="101"/>
        <source>Refitting on all your samples: epoch {epoch} of {epochs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="103"/>
        <source>Fine-tuning: epoch {epoch} of {epochs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="106"/>
        <source>base {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/personalize.py" line="108"/>
        <source>your samples {share}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PixelView</name>
    <message>
        <location filename="../../../app/explore/pictures.py" line="42"/>
        <source>The digit the network reads: 28×28 pixels, 0 = black, 255 = white. The 784 numbers are its input, scaled to 0..1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="75"/>
        <source>row {row}, column {column}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/pictures.py" line="84"/>
        <source>Click a digit to see it enlarged
with its 28×28 pixel values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../../app/train/results.py" line="35"/>
        <source>How well the trained network reads the test digits it never saw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="59"/>
        <source>What happened to the last training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="74"/>
        <source>Share of the test digits the new network reads correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="80"/>
        <source>Share of the drawn digits of writers it never trained on that it reads correctly: how well it will read people drawing in DigitPad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="82"/>
        <location filename="../../../app/train/results.py" line="200"/>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="84"/>
        <source>Make this the active model: the Draw tab reads your digits with it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="87"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="88"/>
        <source>Export this model to a .zip file you can keep, share or import elsewhere (it is already in your Models list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="92"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="93"/>
        <source>Delete this model from your Models list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="118"/>
        <source>The test split, how long it trained and which epoch was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="120"/>
        <source>The model&apos;s name in the Models list; edit it and press Enter to rename.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="124"/>
        <source>Where the model is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="126"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="174"/>
        <source>Test accuracy {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="175"/>
        <source>Measured on {n} test digits it never saw during training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="177"/>
        <source>Trained (no test digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="178"/>
        <source>The data has no test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="180"/>
        <source>Drawn by people it never saw {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="182"/>
        <source>drawn: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="185"/>
        <source>the weights of epoch {epoch} (best on validation) are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="186"/>
        <source>the last epoch&apos;s weights are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="187"/>
        <source>{epochs} in {time}; {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="190"/>
        <source>Click a cell of the matrix to see its digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="195"/>
        <source>Saved in your Models list; drawing uses it once you press “Use this model”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="196"/>
        <source>Saved in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="211"/>
        <source>In use ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="214"/>
        <source>This model is in use; switch to another model before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="215"/>
        <source>Now using “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="225"/>
        <source>Save the model as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="226"/>
        <source>DigitPad model (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="234"/>
        <source>The model could not be exported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="237"/>
        <source>Exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="248"/>
        <source>Could not rename the model: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="251"/>
        <source>Renamed to “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="258"/>
        <source>Discard this model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="259"/>
        <source>Delete “{name}” from your Models list? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="266"/>
        <source>Could not delete the model: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="272"/>
        <source>Discarded: the model was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/results.py" line="273"/>
        <source>The trained model was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RobustnessView</name>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="46"/>
        <source>Gaussian noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="47"/>
        <source>Rotation (±)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="48"/>
        <source>Stroke thickness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="49"/>
        <source>Shift off-centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="50"/>
        <source>noise sigma (pixels 0..1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="51"/>
        <source>rotation (degrees, either way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="52"/>
        <source>stroke width change (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="53"/>
        <source>shift (px, random direction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="54"/>
        <source>Random noise of growing strength added to every pixel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="55"/>
        <source>The digit turned by up to 45°, clockwise or anticlockwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="56"/>
        <source>Strokes made thinner (left of 0) or thicker (right) by eroding or dilating them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="58"/>
        <source>The digit moved off-centre by up to 7 pixels, without centring it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="68"/>
        <location filename="../../../app/explore/robustness_view.py" line="271"/>
        <source>chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="190"/>
        <source>How many test digits to measure on, picked at random (fewer is faster, 2,000 give each point to about ±1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="195"/>
        <source>A second model measured on the same perturbed digits, drawn dashed: one you trained, e.g. with the tutorial&apos;s settings (picked by default when there is one in your models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="198"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="199"/>
        <source>Measure accuracy at 8 levels of each perturbation (a few seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="201"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="203"/>
        <source>Save PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="204"/>
        <source>Save the four charts as one picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="210"/>
        <source>Choose data and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="216"/>
        <source>Each point is the share of the same digits read correctly at that level; both models see exactly the same perturbed digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="225"/>
        <source>Digits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="233"/>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="235"/>
        <source>Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="261"/>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="282"/>
        <source>Accuracy on the same digits at each level; 0 is the digits as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="293"/>
        <source>The active model is now {name}: press Run to measure it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="314"/>
        <source>No second model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="322"/>
        <source>(tutorial&apos;s recipe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="345"/>
        <source>Choose data first: MNIST, a folder of IDX files or an .npz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="350"/>
        <source>active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="359"/>
        <source>Cannot use the models: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="374"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="394"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="438"/>
        <source>its test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="438"/>
        <source>the whole set (it has no test split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="439"/>
        <source>them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="440"/>
        <source>{n} digits picked at random from {of}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="441"/>
        <source>{n} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="443"/>
        <source>{data}: {picked} of {where}, measured in {seconds} s. Unperturbed: {plain}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="453"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="474"/>
        <source>Save the robustness charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="475"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="484"/>
        <source>{n} digits of {data}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="488"/>
        <source>Accuracy as the digits get harder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="490"/>
        <source>Could not save {path} ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RobustnessWorker</name>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="85"/>
        <source>The measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="89"/>
        <source>Out of memory: measure fewer digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="114"/>
        <source>Loading the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/explore/robustness_view.py" line="131"/>
        <source>Measuring {name}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleListModel</name>
    <message>
        <location filename="../../../app/samples/list_view.py" line="68"/>
        <source>{label} (read {read})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/list_view.py" line="73"/>
        <source>#{id}: a {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/list_view.py" line="75"/>
        <source>#{id}: a {label}, read as {read} by {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/list_view.py" line="78"/>
        <source>#{id}: a {label}, read as {read}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/list_view.py" line="80"/>
        <source>Drawn, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/list_view.py" line="81"/>
        <source>An image, {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplesAdvice</name>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="18"/>
        <source>{digit}s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="32"/>
        <source>No {digit}s yet: draw about {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="35"/>
        <source>Your {digit}s: {right} of {n} right (mostly read as {other}) — draw {more} more, then Personalise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="38"/>
        <source>Your {digit}s: {right} of {n} right (mostly read as {other}) — draw a few more, then Personalise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="42"/>
        <source>draw {more} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="43"/>
        <source>draw a few new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="46"/>
        <source>{digit}s: the model learnt from all {samples} of yours (when it was personalised it read {right} of {n} held-out ones right), so how it reads new ones is not known — {draw} to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="50"/>
        <source>{digit}s: the model learnt from all {samples} of yours, so how it reads new ones is not known — {draw} to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="54"/>
        <source>{digit}s: {samples} — draw {more} more for Personalise to learn them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="69"/>
        <source>No samples yet: draw about {target} of each digit and label them (on the Draw tab with ✓ Correct or It&apos;s a…, or with `digitpad samples add`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="74"/>
        <source>Every digit has {target} or more samples and at least {share} of the ones the model never learnt from are read right: nothing to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="84"/>
        <source>No {digits} yet: draw about {target} of each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_texts.py" line="89"/>
        <source>The model learnt from all your {digits}, so how it reads new ones is not known — draw a few new ones of each to check.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplesReportView</name>
    <message>
        <location filename="../../../app/samples/report_view.py" line="20"/>
        <source>“Never learnt from”: samples the model was not trained or fine-tuned on, so how it reads them is how it will read new drawings of yours. For a personalised model these are the samples it held out to measure itself and any added since; for one trained with your samples, those added since; for any other model, all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="28"/>
        <source>Read well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="29"/>
        <source>Often misread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="30"/>
        <source>Not measured: the model learnt from all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="32"/>
        <source>No samples yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="60"/>
        <source>Digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="60"/>
        <source>Click a digit to show only its samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="61"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="61"/>
        <source>How many samples of the digit you have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="62"/>
        <source>Read right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="62"/>
        <source>Of the samples the model never learnt from, how many it reads as the digit you labelled them with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="90"/>
        <source>What to draw next, the digit most in need first. A digit needs nothing when at least {share} of its never-learnt-from samples are read right and you have {target} or more of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="115"/>
        <location filename="../../../app/samples/report_view.py" line="116"/>
        <source>{right} of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="121"/>
        <source>In brackets: when it was personalised, it read {right} of the {n} held out right; then it learnt from them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="124"/>
        <source>It reads {right} of those {n} right, the others mostly as {other}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/report_view.py" line="127"/>
        <source>It reads {right} of those {n} right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplesTab</name>
    <message>
        <location filename="../../../app/samples/tab.py" line="123"/>
        <source>Show all your samples, grouped by digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="124"/>
        <source>Show only your samples of {digit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="141"/>
        <source>Select samples, then a digit key relabels them and Delete removes them; right-click for a menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="146"/>
        <source>No samples yet. On the Draw tab, draw a digit and press ✓ Correct or the digit it is: it is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="157"/>
        <location filename="../../../app/samples/tab.py" line="394"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="159"/>
        <source>Put back the samples you just deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="173"/>
        <source>How the active model does on your samples: the share it reads as the digit you labelled them with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="175"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="176"/>
        <source>Add the samples of a zip exported by DigitPad (ink JSON files and labels.csv); samples you already have are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="179"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="180"/>
        <source>Write all your samples to a zip: one ink JSON (or PNG) per sample and labels.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="183"/>
        <source>Personalise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="186"/>
        <source>Fine-tune the active model on your samples (mixed with the digits it was trained on, so it does not forget them), in the background; then compare before and after and keep it or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="205"/>
        <source>How far the fine-tuning is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="207"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="209"/>
        <source>Stop personalising; nothing is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="242"/>
        <source>All · {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="283"/>
        <location filename="../../../app/samples/tab.py" line="299"/>
        <source>No model is loaded, so your samples cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="311"/>
        <source>You have no samples yet to measure the active model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="312"/>
        <source>You have no samples of {digit} yet to measure the active model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="316"/>
        <source>The active model reads &lt;b&gt;{share}&lt;/b&gt; of your samples right ({right} of {n}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="318"/>
        <source>The active model reads &lt;b&gt;{share}&lt;/b&gt; of your samples of {digit} right ({right} of {n}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="337"/>
        <source>Relabel sample as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="338"/>
        <source>Relabel {n} samples as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="342"/>
        <source>It&apos;s a {digit} (key {digit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="344"/>
        <location filename="../../../app/samples/tab.py" line="375"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="360"/>
        <source>Relabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="404"/>
        <source>Export your samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="406"/>
        <location filename="../../../app/samples/tab.py" line="422"/>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="412"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="415"/>
        <source>Exported {samples} to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="422"/>
        <source>Import samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="429"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="433"/>
        <source>Imported {samples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="435"/>
        <source>Imported {samples} ({n} already here were skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="459"/>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="474"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="511"/>
        <source>Personalising cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="514"/>
        <source>Personalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="523"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} held out to measure it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="526"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} held out to measure it, then again on all {all}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/samples/tab.py" line="561"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <location filename="../../../app/train/form.py" line="122"/>
        <source>What to train on and how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="137"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="138"/>
        <source>The handwritten digits to learn from; their test split measures the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="140"/>
        <source>MNIST (60,000 training + 10,000 test digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="141"/>
        <source>The classic set of handwritten digits from 500 writers, 28×28 pixels each. Downloaded once (11 MB) and cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="146"/>
        <source>The drawn digits shipped with DigitPad (no download)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="147"/>
        <source>Digits people drew with a stylus (UNIPEN, CC BY 4.0), already on this computer: no internet needed; tested on writers it never trains on. MNIST adds more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="150"/>
        <source>Digits from a folder or an .npz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="151"/>
        <source>Your own digits: a folder of MNIST-style IDX files (train-images*, train-labels*, optionally t10k-*) or an .npz with x_train, y_train (and x_test, y_test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="158"/>
        <source>IDX folder or .npz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="159"/>
        <source>The IDX folder or .npz file to train on; type a path or use the buttons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="162"/>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="163"/>
        <source>Choose a folder of MNIST-style IDX files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="165"/>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="166"/>
        <source>Choose an .npz file with x_train, y_train (and x_test, y_test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="175"/>
        <source>How many digits the chosen data holds and how they are split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="194"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="195"/>
        <source>The shape of the multi-layer perceptron: 784 pixels in, hidden layers, 10 digits out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="198"/>
        <source>e.g. 256, 128</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="199"/>
        <source>Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="201"/>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="203"/>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="205"/>
        <source>L1 penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="207"/>
        <source>L2 penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="209"/>
        <source>Initial weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="214"/>
        <location filename="../../../app/train/form.py" line="218"/>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="215"/>
        <source>How the weights are updated from the gradient of the loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="220"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="222"/>
        <source>Rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="227"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="228"/>
        <source>How long and on what the network trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="231"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="234"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="236"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="237"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="239"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="240"/>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="241"/>
        <source>Keep the best epoch&apos;s weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="242"/>
        <source>Weights kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="244"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="245"/>
        <source>Distort the training digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="246"/>
        <source>Augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="248"/>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="257"/>
        <source>What is wrong with the settings; Start is disabled until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="260"/>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="261"/>
        <source>Put every network and training setting back to the tutorial&apos;s defaults (the data choice stays).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="418"/>
        <source>Choose the digits to train on: MNIST, the drawn digits, or a folder or .npz file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="497"/>
        <source>Cached copy found: no download needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="498"/>
        <source>MNIST is in Keras&apos;s cache on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="500"/>
        <source>Not on this computer yet: 11 MB are downloaded when training starts (needs the internet; without it, train on the drawn digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="502"/>
        <source>Needs an internet connection once; without one, the download fails within seconds: choose the drawn digits or a folder or .npz file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="518"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="550"/>
        <source>Choose a folder of IDX digit files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="557"/>
        <source>Choose an .npz file of digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/form.py" line="558"/>
        <source>NumPy digit archives (*.npz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../../../app/train/tab.py" line="44"/>
        <location filename="../../../app/train/tab.py" line="270"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="44"/>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="45"/>
        <source>Saving the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="46"/>
        <source>Starting TensorFlow (the first time takes a few seconds)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="47"/>
        <source>Drawing the digits shipped with DigitPad…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="48"/>
        <source>Downloading MNIST (11 MB)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="49"/>
        <source>Loading the digits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="75"/>
        <source>Train a new network on handwritten digits and watch it learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="80"/>
        <source>Drag the divider to give the settings or the curves more room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="91"/>
        <source>Choose the data and the settings on the left, then press &lt;b&gt;Start training&lt;/b&gt;.&lt;br&gt;The curves, the test accuracy and the confusion matrix appear here; drawing stays live meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="99"/>
        <source>Progress, live curves and the result of the training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="103"/>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="104"/>
        <source>What the training is doing now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="117"/>
        <source>The result of the training and its epoch log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="118"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="119"/>
        <source>Epoch log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="123"/>
        <source>Drag the divider to resize the curves and the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="135"/>
        <source>Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="136"/>
        <location filename="../../../app/train/tab.py" line="207"/>
        <source>Train a new network with these settings in the background. Your current model stays in use until you choose the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="140"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="141"/>
        <source>Stop the training; nothing is saved and your models are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="148"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="149"/>
        <source>Epoch, batch and the estimated time left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="160"/>
        <source>A problem with the last training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="166"/>
        <source>The error message; you can select and copy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="168"/>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="169"/>
        <source>Show the technical details (for a bug report).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="172"/>
        <source>✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="174"/>
        <source>Hide this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="189"/>
        <source>One line per epoch: loss and accuracy on the training and validation digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="190"/>
        <source>Each finished epoch adds a line here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="206"/>
        <source>Fix the settings first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="231"/>
        <source>Choose a folder or an .npz file with digits, or MNIST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="264"/>
        <source>Training {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="265"/>
        <source>network: {settings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="266"/>
        <source>training: {settings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="268"/>
        <source>Training… the result appears here when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="282"/>
        <source>Saving the finished model; it will be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="286"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="315"/>
        <source>Preparing the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="322"/>
        <source>data: {name}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="330"/>
        <location filename="../../../app/train/tab.py" line="343"/>
        <source>Epoch {epoch} of {epochs} · batch {batch} of {batches}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="332"/>
        <source>Training: {batches} batches per epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="346"/>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="348"/>
        <source>Training: loss {loss}, accuracy {accuracy} this epoch · {time} so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="361"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="399"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../../app/train/tab.py" line="400"/>
        <source>Cancelled after %n epoch(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="401"/>
        <location filename="../../../app/train/tab.py" line="402"/>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="403"/>
        <source>Nothing was saved; your models are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="406"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="407"/>
        <source>The training did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="408"/>
        <source>Error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="411"/>
        <source>The training did not finish; see the message above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="412"/>
        <source>It saved “{name}” before that: it is in your Models list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="413"/>
        <source>Your models are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="417"/>
        <source>Done in {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="418"/>
        <source>Finished; the model is saved in your Models list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="423"/>
        <source>best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="423"/>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="424"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="425"/>
        <source>Test accuracy {share} on {n} digits; best epoch {epoch}; saved as “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/tab.py" line="438"/>
        <source>Training error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../../app/train/worker.py" line="91"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="95"/>
        <source>Out of memory while training. Use a smaller network, a smaller batch size or fewer digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="204"/>
        <source>The settings are not valid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="210"/>
        <source>Your other models are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="215"/>
        <source>The model “{name}” was saved before that; it is in your Models list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="239"/>
        <source>Loading the digits failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="240"/>
        <source>Downloading MNIST failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="241"/>
        <source>TensorFlow could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="242"/>
        <source>Training failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/worker.py" line="243"/>
        <source>Training finished but the model could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="18"/>
        <source>max(0, x): simple and fast to train; the usual choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="19"/>
        <source>1 / (1 + e^-x), squashed to 0..1: the classic neuron, slow to train in deep nets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="21"/>
        <source>Squashed to -1..1 and centred on 0: trains better than sigmoid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="22"/>
        <source>Like ReLU but with a small slope (0.2) for negative inputs, so no neuron goes silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="24"/>
        <source>Like ReLU but bends smoothly to -1 for negative inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="26"/>
        <source>SGD + momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="27"/>
        <source>SGD + Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="30"/>
        <source>Plain stochastic gradient descent: a step straight downhill; needs a larger learning rate (~0.05).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="32"/>
        <source>SGD that keeps 90 % of its previous step, rolling through small bumps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="34"/>
        <source>Momentum that looks ahead before stepping; often a little faster than momentum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="36"/>
        <source>Gives each weight its own step size that shrinks as that weight gets updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="38"/>
        <source>Scales each weight&apos;s step by a running average of its recent gradients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="40"/>
        <source>Momentum plus per-weight step sizes; a robust default (learning rate ~0.001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="43"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="44"/>
        <source>Cosine decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="46"/>
        <source>The same learning rate in every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="47"/>
        <source>Starts at the learning rate and glides down to zero by the last epoch along a cosine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="50"/>
        <source>Xavier (Glorot) uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="51"/>
        <source>Xavier (Glorot) normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="52"/>
        <source>He normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="53"/>
        <source>He uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="57"/>
        <source>Neurons in each hidden layer, input side first, separated by commas (1 to 6 layers of 4 to 4096): more neurons can learn more, but train slower and overfit sooner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="60"/>
        <source>The non-linear function each hidden neuron applies to its weighted input; without it the layers would collapse into one linear map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="63"/>
        <source>Share of the first hidden layer&apos;s neurons switched off at random in each training step, so the network cannot lean on any one of them (fights overfitting; 0 = off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="66"/>
        <source>Adds this times the sum of the weights&apos; absolute values to the loss, pushing unneeded weights to exactly zero (0 = off; try 1e-5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="69"/>
        <source>Weight decay: adds this times the sum of the squared weights to the loss, keeping weights small and the network smooth (0 = off; try 1e-4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="72"/>
        <source>How the weights are drawn before training: Xavier (Glorot) suits sigmoid and tanh, He suits ReLU-like activations; both keep signals from fading or exploding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="75"/>
        <source>The rule that turns the loss&apos;s gradient into weight changes: SGD steps straight downhill, momentum keeps rolling, Adagrad/RMSprop/Adam adapt each weight&apos;s step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="78"/>
        <source>How big a step each update takes: too large and the loss jumps or explodes, too small and learning crawls (Adam ~0.001, SGD ~0.05).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="81"/>
        <source>How the learning rate changes during training: constant, or decaying towards zero so the last epochs fine-tune with small steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="84"/>
        <source>How many passes over all the training digits (early stopping may end sooner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="86"/>
        <source>How many digits each weight update averages over: larger batches are faster per epoch and smoother, smaller ones make more (noisier) updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="89"/>
        <source>Share of the training digits held back and checked after every epoch; the best epoch and early stopping are judged on these unseen digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="92"/>
        <source>Stop when validation accuracy has not improved for this many epochs (off = run every epoch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="97"/>
        <source>Checked: the network ends with the weights of the epoch that scored best on the validation digits. Unchecked: the last epoch&apos;s, which is usually as good at the end of a cosine schedule, where the best on a few hundred digits is partly luck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="101"/>
        <source>Starting point of all randomness (initial weights, shuffling, augmentation, the validation split): the same seed and settings train the same network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="104"/>
        <source>Show the network randomly rotated, zoomed, sheared, shifted, warped and thicker or thinner copies of the digits, so it copes with real handwriting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../app/train/vocabulary.py" line="107"/>
        <source>How strong the distortions are: 0 none, 1 the default, 2 strong, 3 extreme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
