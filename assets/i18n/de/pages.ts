<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConfusionView</name>
    <message>
        <source>{n} of {total} test {digit}s read correctly ({share}).
Click to see them.</source>
        <translation>{n} von {total} Test-{digit}ern richtig gelesen ({share}).
Klicken Sie, um sie zu sehen.</translation>
    </message>
    <message>
        <source>No {digit} was read as {read}.</source>
        <translation>Keine {digit} wurde als {read} gelesen.</translation>
    </message>
    <message>
        <source>{n} of {total} test {digit}s were read as {read} ({share}).
Click to see these digits.</source>
        <translation>{n} von {total} Test-{digit}ern wurden als {read} gelesen ({share}).
Klicken Sie, um diese Ziffern zu sehen.</translation>
    </message>
    <message>
        <source>True digit {digit}: {n} test digits</source>
        <translation>Wahre Ziffer {digit}: {n} Testziffern</translation>
    </message>
    <message>
        <source>Read as {digit}: {n} test digits</source>
        <translation>Gelesen als {digit}: {n} Testziffern</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true digits, columns what the network read. Click a cell to see its digits.</source>
        <translation>Konfusionsmatrix: Zeilen sind die wahren Ziffern, Spalten das, was das Netz gelesen hat. Klicken Sie auf eine Zelle, um ihre Ziffern zu sehen.</translation>
    </message>
    <message>
        <source>read as →</source>
        <translation>gelesen als →</translation>
    </message>
    <message>
        <source>Columns: the digit the network read.</source>
        <translation>Spalten: die Ziffer, die das Netz gelesen hat.</translation>
    </message>
    <message>
        <source>true
digit
↓</source>
        <translation>wahre
Ziffer
↓</translation>
    </message>
    <message>
        <source>Rows: the digit&apos;s true label.</source>
        <translation>Zeilen: die wahre Beschriftung der Ziffer.</translation>
    </message>
    <message>
        <source>{digit}s read correctly</source>
        <translation>Richtig gelesene {digit}er</translation>
    </message>
    <message>
        <source>{digit}s read as {read}</source>
        <translation>{digit}er, gelesen als {read}</translation>
    </message>
    <message>
        <source>Showing the first {n}.</source>
        <translation>Die ersten {n} werden gezeigt.</translation>
    </message>
    <message>
        <source>Test digit #{index}: labelled {digit}, read as {read}</source>
        <translation>Testziffer Nr. {index}: beschriftet als {digit}, gelesen als {read}</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>Digits per class</source>
        <translation>Ziffern pro Klasse</translation>
    </message>
    <message>
        <source>digits per class</source>
        <translation>Ziffern pro Klasse</translation>
    </message>
    <message>
        <source>How many digits of each class each split holds. Balanced classes keep the network from favouring the frequent ones.</source>
        <translation>Wie viele Ziffern jeder Klasse jeder Teil der Daten enthält. Ausgewogene Klassen verhindern, dass das Netz die häufigen bevorzugt.</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>Live training curves; the x axis counts epochs (passes over the training digits).</source>
        <translation>Live-Trainingskurven; die x-Achse zählt Epochen (Durchläufe über die Trainingsziffern).</translation>
    </message>
    <message>
        <source>Loss (cross-entropy)</source>
        <translation>Verlust (Kreuzentropie)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Cross-entropy loss: how wrong the network&apos;s probabilities are (lower is better). The light line is every batch; dots are whole epochs on the training and the validation digits.</source>
        <translation>Kreuzentropie-Verlust: wie falsch die Wahrscheinlichkeiten des Netzes sind (niedriger ist besser). Die helle Linie zeigt jeden Stapel; Punkte sind ganze Epochen auf den Trainings- und den Validierungsziffern.</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Share of digits read correctly after each epoch, on the training digits and on the held-out validation digits; a widening gap means the network is memorising (overfitting).</source>
        <translation>Anteil der richtig gelesenen Ziffern nach jeder Epoche, auf den Trainingsziffern und auf den zurückgehaltenen Validierungsziffern; eine wachsende Lücke bedeutet, dass das Netz auswendig lernt (Überanpassung).</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>{label} (epoch {epoch})</source>
        <translation>{label} (Epoche {epoch})</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <source>Reading {source}</source>
        <translation>{source} wird gelesen</translation>
    </message>
    <message>
        <source>{source}: not enough memory to load it.</source>
        <translation>{source}: nicht genug Arbeitsspeicher, um es zu laden.</translation>
    </message>
</context>
<context>
    <name>DataProbe</name>
    <message>
        <source>Reading {source}</source>
        <translation>{source} wird gelesen</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>Which part of the data to show: the training or the test digits</source>
        <translation>Welcher Teil der Daten gezeigt wird: die Trainings- oder die Testziffern</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>Alle Ziffern</translation>
    </message>
    <message>
        <source>Only {digit}s</source>
        <translation>Nur {digit}er</translation>
    </message>
    <message>
        <source>Show every digit, or only one class</source>
        <translation>Jede Ziffer zeigen oder nur eine Klasse</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Teil:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Choose data above: MNIST, a folder of IDX files or an .npz.</source>
        <translation>Wählen Sie oben Daten: MNIST, einen Ordner mit IDX-Dateien oder eine .npz-Datei.</translation>
    </message>
    <message>
        <source>Mean digit of each class</source>
        <translation>Mittlere Ziffer jeder Klasse</translation>
    </message>
    <message>
        <source>No digit chosen</source>
        <translation>Keine Ziffer gewählt</translation>
    </message>
    <message>
        <source>The network reads these 784 numbers, each divided by 255, as its input (hover a pixel for its row and column).</source>
        <translation>Das Netz liest diese 784 Zahlen, jede durch 255 geteilt, als seine Eingabe (zeigen Sie auf ein Pixel für Zeile und Spalte).</translation>
    </message>
    <message>
        <source>Loading {source}…</source>
        <translation>{source} wird geladen…</translation>
    </message>
    <message>
        <source>Mean {split} digit of each class (click one to show only that digit)</source>
        <translation>Mittlere Ziffer jeder Klasse ({split}; klicken Sie eine an, um nur diese Ziffer zu zeigen)</translation>
    </message>
    <message>
        <source>Click a digit to see its pixel values</source>
        <translation>Klicken Sie auf eine Ziffer, um ihre Pixelwerte zu sehen</translation>
    </message>
    <message>
        <source>{split} #{index}: a {digit}   (28×28 pixels, values 0–255)</source>
        <translation>{split} Nr. {index}: eine {digit}   (28×28 Pixel, Werte 0–255)</translation>
    </message>
    <message>
        <source>{name}: {n} {split} digits</source>
        <translation>{name}: {n} Ziffern ({split})</translation>
    </message>
    <message>
        <source>, {n} of them {digit}s</source>
        <translation>, davon {n} {digit}er</translation>
    </message>
    <message>
        <source>Could not load the data (see below).</source>
        <translation>Die Daten konnten nicht geladen werden (siehe unten).</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>DigitChangesView</name>
    <message>
        <source>Your held-out samples of each digit (never fine-tuned on): how many the model read right before and after. Green: better, red: worse, — : none of that digit was held out.</source>
        <translation>Ihre zurückgehaltenen Proben jeder Ziffer (nie zum Nachtrainieren verwendet): wie viele das Modell vorher und nachher richtig gelesen hat. Grün: besser, rot: schlechter, — : von dieser Ziffer wurde keine zurückgehalten.</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>Ziffer</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>No sample of {digit} was held out.</source>
        <translation>Keine Probe der {digit} wurde zurückgehalten.</translation>
    </message>
    <message>
        <source>{digit} ({before}→{after} of {n})</source>
        <translation>{digit} ({before}→{after} von {n})</translation>
    </message>
    <message>
        <source>No samples were held out, so no digit could be compared.</source>
        <translation>Es wurden keine Proben zurückgehalten, daher konnte keine Ziffer verglichen werden.</translation>
    </message>
    <message>
        <source>Better: {digits}.</source>
        <translation>Besser: {digits}.</translation>
    </message>
    <message>
        <source>No digit got better.</source>
        <translation>Keine Ziffer wurde besser.</translation>
    </message>
    <message>
        <source>Worse: {digits}.</source>
        <translation>Schlechter: {digits}.</translation>
    </message>
    <message>
        <source>None got worse.</source>
        <translation>Keine wurde schlechter.</translation>
    </message>
</context>
<context>
    <name>DigitGridDialog</name>
    <message>
        <source>The test digits as the network sees them: 28×28 pixels, white ink on black.</source>
        <translation>Die Testziffern, wie das Netz sie sieht: 28×28 Pixel, weiße Tinte auf Schwarz.</translation>
    </message>
    <message>
        <source>Close this window.</source>
        <translation>Dieses Fenster schließen.</translation>
    </message>
</context>
<context>
    <name>DigitListModel</name>
    <message>
        <source>#{index}: a {digit}. Click to see its pixel values.</source>
        <translation>Nr. {index}: eine {digit}. Klicken Sie, um ihre Pixelwerte zu sehen.</translation>
    </message>
</context>
<context>
    <name>ExtraDataBox</name>
    <message>
        <source>The drawn digits cannot be read: {error}</source>
        <translation>Die gezeichneten Ziffern können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Plus the drawn digits shipped with DigitPad</source>
        <translation>Dazu die gezeichneten Ziffern von DigitPad</translation>
    </message>
    <message>
        <source>Digits drawn with a pen by real people (UNIPEN and UCI, CC BY 4.0): {trained} to learn from, the tablet digits drawn twice and the pen trajectories once, slightly slanted, stretched and rotated, half of the copies in ways other people write (1s with a flag, crossed 7s, open 4s, slashed 0s and more); and {held} of other writers kept out of training to measure how well the network reads people it never saw. A network trained on MNIST alone reads drawings much worse.</source>
        <translation>Von echten Menschen mit einem Stift geschriebene Ziffern (UNIPEN und UCI, CC BY 4.0): {trained} zum Lernen, die Tablet-Ziffern zweimal und die Stiftspuren einmal gezeichnet, leicht geneigt, gestreckt und gedreht, die Hälfte der Kopien so, wie andere Menschen schreiben (1en mit Aufstrich, durchgestrichene 7en, offene 4en, durchgestrichene 0en und mehr); und {held} (andere Schreibende), die vom Training ausgenommen sind, um zu messen, wie gut das Netz Menschen liest, die es nie gesehen hat. Ein nur mit MNIST trainiertes Netz liest Zeichnungen viel schlechter.</translation>
    </message>
    <message>
        <source>Measured on {held} it never trains on.</source>
        <translation>Gemessen an {held}, aus denen es nie lernt.</translation>
    </message>
    <message>
        <source>Also learn from the digits you labelled under the canvas (the Samples tab); to fine-tune the model in use on them instead, use Personalise there.</source>
        <translation>Auch aus den Ziffern lernen, die Sie unter der Zeichenfläche beschriftet haben (Reiter Proben); um stattdessen das aktive Modell damit nachzutrainieren, nutzen Sie dort „Personalisieren“.</translation>
    </message>
    <message>
        <source>Plus my samples ({n})</source>
        <translation>Dazu meine Proben ({n})</translation>
    </message>
    <message>
        <source>{trained} to learn from, drawn with variations and in many writing styles · {held} of other writers to test (never trained on)</source>
        <translation>{trained} zum Lernen, mit Abwandlungen und in vielen Schreibweisen gezeichnet · zum Testen {held} (andere Schreibende, nie trainiert)</translation>
    </message>
</context>
<context>
    <name>MeansView</name>
    <message>
        <source>The average of every digit of a class: where its ink usually is. Click one to show only that digit.</source>
        <translation>Der Durchschnitt aller Ziffern einer Klasse: wo ihre Tinte meist ist. Klicken Sie eine an, um nur diese Ziffer zu zeigen.</translation>
    </message>
    <message>
        <source>No digits</source>
        <translation>Keine Ziffern</translation>
    </message>
</context>
<context>
    <name>PageTexts</name>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n Ziffer</numerusform>
            <numerusform>%n Ziffern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n Probe</numerusform>
            <numerusform>%n Proben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test digit(s) labelled {digit} that the network read correctly.</source>
        <translation>
            <numerusform>%n als {digit} beschriftete Testziffer, die das Netz richtig gelesen hat.</numerusform>
            <numerusform>%n als {digit} beschriftete Testziffern, die das Netz richtig gelesen hat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n test digit(s) labelled {digit} that the network read as {read}.</source>
        <translation>
            <numerusform>%n als {digit} beschriftete Testziffer, die das Netz als {read} gelesen hat.</numerusform>
            <numerusform>%n als {digit} beschriftete Testziffern, die das Netz als {read} gelesen hat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held-out sample(s) of {digit}: {before} read right before, {after} after.</source>
        <translation>
            <numerusform>%n zurückgehaltene Probe der {digit}: vorher {before} richtig gelesen, nachher {after}.</numerusform>
            <numerusform>%n zurückgehaltene Proben der {digit}: vorher {before} richtig gelesen, nachher {after}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n sample(s).</source>
        <translation>
            <numerusform>%n Probe gelöscht.</numerusform>
            <numerusform>%n Proben gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your {digit}s: %n sample(s); the model never learnt from {unseen} of them.</source>
        <translation>
            <numerusform>Ihre {digit}er: %n Probe; aus {unseen} davon hat das Modell nie gelernt.</numerusform>
            <numerusform>Ihre {digit}er: %n Proben; aus {unseen} davon hat das Modell nie gelernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{n} training digits</source>
        <translation>{n} Trainingsziffern</translation>
    </message>
    <message>
        <source>{n} to fit</source>
        <translation>{n} zum Anpassen</translation>
    </message>
    <message>
        <source>{n} to validate</source>
        <translation>{n} zum Validieren</translation>
    </message>
    <message>
        <source>{n} to test</source>
        <translation>{n} zum Testen</translation>
    </message>
    <message>
        <source>{n} to test (set aside from the training files)</source>
        <translation>{n} zum Testen (aus den Trainingsdateien abgezweigt)</translation>
    </message>
    <message>
        <source>no test split</source>
        <translation>keine Testdaten</translation>
    </message>
    <message>
        <source>plus {what}</source>
        <translation>dazu {what}</translation>
    </message>
    <message>
        <source>{n} pen-digit trajectories</source>
        <translation>{n} Stiftbahnen von Ziffern</translation>
    </message>
    <message>
        <source>{digits} and {trajectories}</source>
        <translation>{digits} und {trajectories}</translation>
    </message>
    <message>
        <source>{n} digits, {writers} writers and {unknown} of unknown writers</source>
        <translation>{n} Ziffern, {writers} Schreibende und {unknown} von Unbekannten</translation>
    </message>
    <message>
        <source>{n} digits, {writers} writers</source>
        <translation>{n} Ziffern, {writers} Schreibende</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n}-mal</translation>
    </message>
    <message>
        <source>, each drawn {times}</source>
        <translation>, jede {times} gezeichnet</translation>
    </message>
    <message>
        <source>{n} UCI pen-digit trajectories, each drawn {times}</source>
        <translation>{n} UCI-Stiftbahnen von Ziffern, jede {times} gezeichnet</translation>
    </message>
    <message>
        <source>not its {n} UCI pen-digit trajectories</source>
        <translation>nicht seine {n} UCI-Stiftbahnen von Ziffern</translation>
    </message>
    <message>
        <source>as drawn</source>
        <translation>wie gezeichnet</translation>
    </message>
    <message>
        <source>{share} of the copies in the catalogue&apos;s writing styles</source>
        <translation>{share} der Kopien in den Schreibstilen des Katalogs</translation>
    </message>
    <message>
        <source>{share} of the tablet copies in the pen-digit format</source>
        <translation>{share} der Tablet-Kopien im Stiftbahn-Format</translation>
    </message>
    <message>
        <source>{flag} of the 1s given a flag and {slash} of the 0s slashed</source>
        <translation>{flag} der 1en mit Aufstrich und {slash} der 0en durchgestrichen</translation>
    </message>
    <message>
        <source>{digits} (UNIPEN labs {labs}, never trained on)</source>
        <translation>{digits} (UNIPEN-Labore {labs}, nie trainiert)</translation>
    </message>
    <message>
        <source>drawn digits shipped with DigitPad: {digits}</source>
        <translation>mit DigitPad gelieferte gezeichnete Ziffern: {digits}</translation>
    </message>
    <message>
        <source>your samples ({n})</source>
        <translation>Ihre Proben ({n})</translation>
    </message>
</context>
<context>
    <name>PersonalizeCurves</name>
    <message>
        <source>Accuracy after each fine-tuning epoch: on the base digits held back from the fine-tuning (what the model must not forget) and on your held-out samples (what it should learn; they are never trained on). The epoch kept is the best on both; then the fine-tuning is done again on all your samples for that many epochs (the refit), which leaves no held-out sample to read.</source>
        <translation>Genauigkeit nach jeder Epoche des Nachtrainierens: auf den zurückgehaltenen Basisziffern (was das Modell nicht vergessen darf) und auf Ihren zurückgehaltenen Proben (was es lernen soll; mit ihnen wird nie trainiert). Behalten wird die Epoche, die bei beiden am besten ist; dann wird mit allen Ihren Proben so viele Epochen erneut nachtrainiert (die Neuanpassung), sodass keine zurückgehaltene Probe mehr zu lesen bleibt.</translation>
    </message>
    <message>
        <source>Accuracy while personalising</source>
        <translation>Genauigkeit beim Personalisieren</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>base digits held back</source>
        <translation>zurückgehaltene Basisziffern</translation>
    </message>
    <message>
        <source>your held-out samples</source>
        <translation>Ihre zurückgehaltenen Proben</translation>
    </message>
    <message>
        <source>kept (epoch {epoch})</source>
        <translation>behalten (Epoche {epoch})</translation>
    </message>
    <message>
        <source>refit on all your samples</source>
        <translation>Neuanpassung an alle Ihre Proben</translation>
    </message>
</context>
<context>
    <name>PersonalizeNotice</name>
    <message>
        <source>Personalise learns your handwriting from your samples: keep some on the Draw tab (✓ Correct, or the digit&apos;s key) first.</source>
        <translation>Personalisieren lernt Ihre Handschrift aus Ihren Proben: Behalten Sie zuerst einige auf dem Reiter Zeichnen (✓ Richtig oder die Taste der Ziffer).</translation>
    </message>
    <message>
        <source>Measured by tests/benchmarks/bench_personalize.py on 12 people whose styles the model misread (docs/benchmarks.md), judged on their drawings it did not learn from. With 10 samples of each digit their misread drawings fell by 85% on average (44% for the worst helped); with 5, by 84% (worst 35%); with 3, by 78% (worst 24%). MNIST accuracy changed by -0.04 to -0.09 points on average (-0.7 for the worst person). A run took 12-16 s on 2 cores. Personalising the shipped default, a wider network, took about 40 s and cost 0.5 points of MNIST on average.</source>
        <translation>Gemessen mit tests/benchmarks/bench_personalize.py an 12 Personen, deren Schrift das Modell falsch las (docs/benchmarks.md), beurteilt an ihren Zeichnungen, aus denen es nicht gelernt hat. Mit 10 Proben jeder Ziffer sanken ihre falsch gelesenen Zeichnungen im Mittel um 85 % (44 % beim am wenigsten Geholfenen); mit 5 um 84 % (schlechtester Fall 35 %); mit 3 um 78 % (schlechtester Fall 24 %). Die MNIST-Genauigkeit änderte sich im Mittel um -0,04 bis -0,09 Punkte (-0,7 bei der schlechtesten Person). Ein Lauf dauerte 12–16 s auf 2 Kernen. Das mitgelieferte Standardmodell, ein breiteres Netz, zu personalisieren dauerte etwa 40 s und kostete im Mittel 0,5 Punkte MNIST-Genauigkeit.</translation>
    </message>
    <message>
        <source>It costs up to half a point of accuracy on standard digits (MNIST) and takes 15-40 s (the wider shipped model the longest).</source>
        <translation>Es kostet bis zu einen halben Punkt Genauigkeit auf Standardziffern (MNIST) und dauert 15–40 s (am längsten beim breiteren mitgelieferten Modell).</translation>
    </message>
    <message>
        <source>Personalise: you have {needed} or more samples of each digit you drew, what it needs to learn your style (tested on 12 writers: 85% fewer misread drawings). {cost}</source>
        <translation>Personalisieren: Sie haben {needed} oder mehr Proben jeder gezeichneten Ziffer – so viele, wie es braucht, um Ihre Schrift zu lernen (getestet an 12 Schreibenden: 85 % weniger falsch gelesene Zeichnungen). {cost}</translation>
    </message>
    <message>
        <source>Personalise learns a digit&apos;s style from about {needed} samples of it; you have fewer of {listing}. With 5 per digit it helped the 12 test writers nearly as much (84% fewer misread drawings, the least helped 35%, against 44% with {needed}). {cost}</source>
        <translation>Personalisieren lernt die Schreibweise einer Ziffer aus etwa {needed} Proben davon; von {listing} haben Sie weniger. Mit 5 pro Ziffer half es den 12 Testschreibern fast genauso (84 % weniger falsch gelesene Zeichnungen, beim am wenigsten Geholfenen 35 % gegenüber 44 % mit {needed}). {cost}</translation>
    </message>
    <message>
        <source>Personalise learns a digit&apos;s style from about {needed} samples of it; you have fewer of {listing}. With fewer it helps less surely: with 3 per digit the writer it helped least lost 24% of their misread drawings, against 44% with {needed}. {cost}</source>
        <translation>Personalisieren lernt die Schreibweise einer Ziffer aus etwa {needed} Proben davon; von {listing} haben Sie weniger. Mit weniger hilft es weniger sicher: Mit 3 pro Ziffer verlor die Person, der es am wenigsten half, 24 % ihrer falsch gelesenen Zeichnungen, gegenüber 44 % mit {needed}. {cost}</translation>
    </message>
    <message>
        <source>No samples of {digits}: those digits are not personalised.</source>
        <translation>Keine Proben von {digits}: Diese Ziffern werden nicht personalisiert.</translation>
    </message>
    <message>
        <source>Too few samples to hold any out, so the gain on your handwriting is not measured; add at least two samples of a digit.</source>
        <translation>Zu wenige Proben, um welche zurückzuhalten; daher wird der Gewinn bei Ihrer Handschrift nicht gemessen. Fügen Sie mindestens zwei Proben einer Ziffer hinzu.</translation>
    </message>
</context>
<context>
    <name>PersonalizeResultBox</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Your samples (held out)</source>
        <translation>Ihre Proben (zurückgehalten)</translation>
    </message>
    <message>
        <source>Accuracy on the part of your samples kept out of the fine-tuning</source>
        <translation>Genauigkeit auf dem Teil Ihrer Proben, der vom Nachtrainieren ausgenommen wurde</translation>
    </message>
    <message>
        <source>Base test split</source>
        <translation>Basis-Testdaten</translation>
    </message>
    <message>
        <source>Accuracy on the test digits of the data the model was trained on: what it must not forget</source>
        <translation>Genauigkeit auf den Testziffern der Daten, mit denen das Modell trainiert wurde: was es nicht vergessen darf</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Make the personalised model the one that reads your drawings</source>
        <translation>Das personalisierte Modell soll Ihre Zeichnungen lesen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Delete the personalised model; the active model stays as it is</source>
        <translation>Das personalisierte Modell löschen; das aktive Modell bleibt, wie es ist</translation>
    </message>
</context>
<context>
    <name>PersonalizeWorker</name>
    <message>
        <source>Starting TensorFlow (the first time takes a few seconds)…</source>
        <translation>TensorFlow wird gestartet (beim ersten Mal dauert es einige Sekunden)…</translation>
    </message>
    <message>
        <source>Downloading MNIST (11 MB, once) so your model keeps reading standard digits…</source>
        <translation>MNIST wird heruntergeladen (11 MB, einmalig), damit Ihr Modell weiterhin Standardziffern liest…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Refitting on all your samples: epoch {epoch} of {epochs}</source>
        <translation>Neuanpassung an alle Ihre Proben: Epoche {epoch} von {epochs}</translation>
    </message>
    <message>
        <source>Fine-tuning: epoch {epoch} of {epochs}</source>
        <translation>Nachtrainieren: Epoche {epoch} von {epochs}</translation>
    </message>
    <message>
        <source>base {share}</source>
        <translation>Basis {share}</translation>
    </message>
    <message>
        <source>your samples {share}</source>
        <translation>Ihre Proben {share}</translation>
    </message>
</context>
<context>
    <name>PixelView</name>
    <message>
        <source>The digit the network reads: 28×28 pixels, 0 = black, 255 = white. The 784 numbers are its input, scaled to 0..1.</source>
        <translation>Die Ziffer, die das Netz liest: 28×28 Pixel, 0 = schwarz, 255 = weiß. Die 784 Zahlen sind seine Eingabe, auf 0..1 skaliert.</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value}</source>
        <translation>Zeile {row}, Spalte {column}: {value}</translation>
    </message>
    <message>
        <source>Click a digit to see it enlarged
with its 28×28 pixel values</source>
        <translation>Klicken Sie auf eine Ziffer, um sie vergrößert
mit ihren 28×28 Pixelwerten zu sehen</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>How well the trained network reads the test digits it never saw.</source>
        <translation>Wie gut das trainierte Netz die Testziffern liest, die es nie gesehen hat.</translation>
    </message>
    <message>
        <source>What happened to the last training.</source>
        <translation>Was beim letzten Training geschah.</translation>
    </message>
    <message>
        <source>Share of the test digits the new network reads correctly.</source>
        <translation>Anteil der Testziffern, die das neue Netz richtig liest.</translation>
    </message>
    <message>
        <source>Share of the drawn digits of writers it never trained on that it reads correctly: how well it will read people drawing in DigitPad.</source>
        <translation>Anteil der gezeichneten Ziffern von Schreibenden, mit denen es nie trainiert hat, die es richtig liest: wie gut es Menschen lesen wird, die in DigitPad zeichnen.</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Make this the active model: the Draw tab reads your digits with it at once.</source>
        <translation>Zum aktiven Modell machen: Der Reiter Zeichnen liest Ihre Ziffern sofort damit.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Export this model to a .zip file you can keep, share or import elsewhere (it is already in your Models list).</source>
        <translation>Dieses Modell in eine .zip-Datei exportieren, die Sie aufbewahren, weitergeben oder anderswo importieren können (es ist bereits in Ihrer Modellliste).</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Delete this model from your Models list.</source>
        <translation>Dieses Modell aus Ihrer Modellliste löschen.</translation>
    </message>
    <message>
        <source>The test split, how long it trained and which epoch was kept.</source>
        <translation>Die Testdaten, wie lange es trainiert hat und welche Epoche behalten wurde.</translation>
    </message>
    <message>
        <source>The model&apos;s name in the Models list; edit it and press Enter to rename.</source>
        <translation>Der Name des Modells in der Modellliste; ändern Sie ihn und drücken Sie die Eingabetaste, um es umzubenennen.</translation>
    </message>
    <message>
        <source>Where the model is kept.</source>
        <translation>Wo das Modell gespeichert ist.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Test accuracy: {share}</source>
        <translation>Genauigkeit (Testdaten): {share}</translation>
    </message>
    <message>
        <source>Measured on {n} test digits it never saw during training</source>
        <translation>Gemessen an {n} Testziffern, die es beim Training nie gesehen hat</translation>
    </message>
    <message>
        <source>Trained (no test digits)</source>
        <translation>Trainiert (keine Testziffern)</translation>
    </message>
    <message>
        <source>The data has no test split</source>
        <translation>Die Daten haben keine Testdaten</translation>
    </message>
    <message>
        <source>Drawn by people it never saw {share}</source>
        <translation>Von ihm unbekannten Menschen gezeichnet: {share}</translation>
    </message>
    <message>
        <source>drawn: {what}</source>
        <translation>gezeichnet: {what}</translation>
    </message>
    <message>
        <source>the weights of epoch {epoch} (best on validation) are kept</source>
        <translation>die Gewichte von Epoche {epoch} (beste bei der Validierung) werden behalten</translation>
    </message>
    <message>
        <source>the last epoch&apos;s weights are kept</source>
        <translation>die Gewichte der letzten Epoche werden behalten</translation>
    </message>
    <message>
        <source>{epochs} in {time}; {kept}.</source>
        <translation>{epochs} in {time}; {kept}.</translation>
    </message>
    <message>
        <source>Click a cell of the matrix to see its digits.</source>
        <translation>Klicken Sie auf eine Zelle der Matrix, um ihre Ziffern zu sehen.</translation>
    </message>
    <message>
        <source>Saved in your Models list; drawing uses it once you press “Use this model”.</source>
        <translation>In Ihrer Modellliste gespeichert; das Zeichnen verwendet es, sobald Sie „Dieses Modell verwenden“ drücken.</translation>
    </message>
    <message>
        <source>Saved in {path}</source>
        <translation>Gespeichert in {path}</translation>
    </message>
    <message>
        <source>In use ✓</source>
        <translation>In Verwendung ✓</translation>
    </message>
    <message>
        <source>This model is in use; switch to another model before deleting it.</source>
        <translation>Dieses Modell ist in Verwendung; wechseln Sie zu einem anderen Modell, bevor Sie es löschen.</translation>
    </message>
    <message>
        <source>Now using “{name}”.</source>
        <translation>Jetzt wird „{name}“ verwendet.</translation>
    </message>
    <message>
        <source>Save the model as</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <source>DigitPad model (*.zip)</source>
        <translation>DigitPad-Modell (*.zip)</translation>
    </message>
    <message>
        <source>The model could not be exported: {error}</source>
        <translation>Das Modell konnte nicht exportiert werden: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Could not rename the model: {error}</source>
        <translation>Das Modell konnte nicht umbenannt werden: {error}</translation>
    </message>
    <message>
        <source>Renamed to “{name}”.</source>
        <translation>Umbenannt in „{name}“.</translation>
    </message>
    <message>
        <source>Discard this model?</source>
        <translation>Dieses Modell verwerfen?</translation>
    </message>
    <message>
        <source>Delete “{name}” from your Models list? This cannot be undone.</source>
        <translation>„{name}“ aus Ihrer Modellliste löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Could not delete the model: {error}</source>
        <translation>Das Modell konnte nicht gelöscht werden: {error}</translation>
    </message>
    <message>
        <source>Discarded: the model was deleted.</source>
        <translation>Verworfen: Das Modell wurde gelöscht.</translation>
    </message>
    <message>
        <source>The trained model was discarded.</source>
        <translation>Das trainierte Modell wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>RobustnessView</name>
    <message>
        <source>Gaussian noise</source>
        <translation>Gaußsches Rauschen</translation>
    </message>
    <message>
        <source>Rotation (±)</source>
        <translation>Drehung (±)</translation>
    </message>
    <message>
        <source>Stroke thickness</source>
        <translation>Strichstärke</translation>
    </message>
    <message>
        <source>Shift off-centre</source>
        <translation>Verschiebung aus der Mitte</translation>
    </message>
    <message>
        <source>noise sigma (pixels 0..1)</source>
        <translation>Rausch-Sigma (Pixel 0..1)</translation>
    </message>
    <message>
        <source>rotation (degrees, either way)</source>
        <translation>Drehung (Grad, in beide Richtungen)</translation>
    </message>
    <message>
        <source>stroke width change (px)</source>
        <translation>Änderung der Strichbreite (px)</translation>
    </message>
    <message>
        <source>shift (px, random direction)</source>
        <translation>Verschiebung (px, zufällige Richtung)</translation>
    </message>
    <message>
        <source>Random noise of growing strength added to every pixel.</source>
        <translation>Zufälliges Rauschen wachsender Stärke auf jedem Pixel.</translation>
    </message>
    <message>
        <source>The digit turned by up to 45°, clockwise or anticlockwise.</source>
        <translation>Die Ziffer um bis zu 45° gedreht, im oder gegen den Uhrzeigersinn.</translation>
    </message>
    <message>
        <source>Strokes made thinner (left of 0) or thicker (right) by eroding or dilating them.</source>
        <translation>Striche dünner (links von 0) oder dicker (rechts) gemacht, durch Erodieren oder Dilatieren.</translation>
    </message>
    <message>
        <source>The digit moved off-centre by up to 7 pixels, without centring it again.</source>
        <translation>Die Ziffer um bis zu 7 Pixel aus der Mitte verschoben, ohne sie wieder zu zentrieren.</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>How many test digits to measure on, picked at random (fewer is faster, 2,000 give each point to about ±1%)</source>
        <translation>An wie vielen zufällig gewählten Testziffern gemessen wird (weniger ist schneller; 2.000 geben jeden Punkt auf etwa ±1 % genau an)</translation>
    </message>
    <message>
        <source>A second model measured on the same perturbed digits, drawn dashed: one you trained, e.g. with the tutorial&apos;s settings (picked by default when there is one in your models).</source>
        <translation>Ein zweites Modell, gemessen an denselben gestörten Ziffern, gestrichelt gezeichnet: eines, das Sie trainiert haben, z. B. mit den Einstellungen des Tutorials (standardmäßig gewählt, wenn es eines in Ihren Modellen gibt).</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Measure accuracy at 8 levels of each perturbation (a few seconds)</source>
        <translation>Die Genauigkeit auf 8 Stufen jeder Störung messen (einige Sekunden)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>Save the four charts as one picture</source>
        <translation>Die vier Diagramme als ein Bild speichern</translation>
    </message>
    <message>
        <source>Choose data and press Run.</source>
        <translation>Wählen Sie Daten und drücken Sie „Messen“.</translation>
    </message>
    <message>
        <source>Each point is the share of the same digits read correctly at that level; both models see exactly the same perturbed digits.</source>
        <translation>Jeder Punkt ist der Anteil derselben Ziffern, die auf dieser Stufe richtig gelesen werden; beide Modelle sehen genau dieselben gestörten Ziffern.</translation>
    </message>
    <message>
        <source>Digits:</source>
        <translation>Ziffern:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Accuracy on the same digits at each level; 0 is the digits as they are.</source>
        <translation>Genauigkeit auf denselben Ziffern auf jeder Stufe; 0 sind die Ziffern, wie sie sind.</translation>
    </message>
    <message>
        <source>The active model is now {name}: press Run to measure it.</source>
        <translation>Das aktive Modell ist jetzt {name}: Drücken Sie „Messen“, um es zu messen.</translation>
    </message>
    <message>
        <source>No second model</source>
        <translation>Kein zweites Modell</translation>
    </message>
    <message>
        <source>(tutorial&apos;s recipe)</source>
        <translation>(Rezept des Tutorials)</translation>
    </message>
    <message>
        <source>Choose data first: MNIST, a folder of IDX files or an .npz.</source>
        <translation>Wählen Sie zuerst Daten: MNIST, einen Ordner mit IDX-Dateien oder eine .npz-Datei.</translation>
    </message>
    <message>
        <source>active model</source>
        <translation>aktives Modell</translation>
    </message>
    <message>
        <source>Cannot use the models: {error}</source>
        <translation>Die Modelle können nicht verwendet werden: {error}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>its test split</source>
        <translation>ihren Testdaten</translation>
    </message>
    <message>
        <source>the whole set (it has no test split)</source>
        <translation>dem ganzen Datensatz (er hat keine Testdaten)</translation>
    </message>
    <message>
        <source>them</source>
        <translation>ihnen</translation>
    </message>
    <message>
        <source>{n} digits picked at random from {of}</source>
        <translation>{n} zufällig gewählte Ziffern aus {of}</translation>
    </message>
    <message>
        <source>{n} digits</source>
        <translation>{n} Ziffern</translation>
    </message>
    <message>
        <source>{data}: {picked} of {where}, measured in {seconds} s. Unperturbed: {plain}.</source>
        <translation>{data}: {picked} aus {where}, gemessen in {seconds} s. Ungestört: {plain}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Save the robustness charts</source>
        <translation>Die Robustheitsdiagramme speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>{n} digits of {data}</source>
        <translation>{n} Ziffern aus {data}</translation>
    </message>
    <message>
        <source>Accuracy as the digits get harder</source>
        <translation>Genauigkeit, wenn die Ziffern schwieriger werden</translation>
    </message>
    <message>
        <source>Could not save {path} ({error}).</source>
        <translation>{path} konnte nicht gespeichert werden ({error}).</translation>
    </message>
</context>
<context>
    <name>RobustnessWorker</name>
    <message>
        <source>Loading the data…</source>
        <translation>Die Daten werden geladen…</translation>
    </message>
    <message>
        <source>Measuring {name}…</source>
        <translation>{name} wird gemessen…</translation>
    </message>
</context>
<context>
    <name>SampleListModel</name>
    <message>
        <source>{label} (read {read})</source>
        <translation>{label} (gelesen: {read})</translation>
    </message>
    <message>
        <source>#{id}: a {label}</source>
        <translation>Nr. {id}: eine {label}</translation>
    </message>
    <message>
        <source>#{id}: a {label}, read as {read} by {model}</source>
        <translation>Nr. {id}: eine {label}, von {model} als {read} gelesen</translation>
    </message>
    <message>
        <source>#{id}: a {label}, read as {read}</source>
        <translation>Nr. {id}: eine {label}, gelesen als {read}</translation>
    </message>
    <message>
        <source>Drawn, {when}</source>
        <translation>Gezeichnet, {when}</translation>
    </message>
    <message>
        <source>An image, {when}</source>
        <translation>Ein Bild, {when}</translation>
    </message>
</context>
<context>
    <name>SamplesAdvice</name>
    <message>
        <source>{digit}s</source>
        <translation>{digit}er</translation>
    </message>
    <message>
        <source>No {digit}s yet: draw about {target}.</source>
        <translation>Noch keine {digit}er: Zeichnen Sie etwa {target}.</translation>
    </message>
    <message>
        <source>Your {digit}s: {right} of {n} right (mostly read as {other}) — draw {more} more, then Personalise.</source>
        <translation>Ihre {digit}er: {right} von {n} richtig (meist als {other} gelesen) – zeichnen Sie {more} weitere, dann Personalisieren.</translation>
    </message>
    <message>
        <source>Your {digit}s: {right} of {n} right (mostly read as {other}) — draw a few more, then Personalise.</source>
        <translation>Ihre {digit}er: {right} von {n} richtig (meist als {other} gelesen) – zeichnen Sie noch einige, dann Personalisieren.</translation>
    </message>
    <message>
        <source>draw {more} more</source>
        <translation>zeichnen Sie {more} weitere</translation>
    </message>
    <message>
        <source>draw a few new ones</source>
        <translation>zeichnen Sie einige neue</translation>
    </message>
    <message>
        <source>{digit}s: the model learnt from all {samples} of yours (when it was personalised it read {right} of {n} held-out ones right), so how it reads new ones is not known — {draw} to check.</source>
        <translation>{digit}er: Das Modell hat aus allen {samples} von Ihnen gelernt (beim Personalisieren las es {right} von {n} zurückgehaltenen richtig), daher ist unbekannt, wie es neue liest – {draw}, um das zu prüfen.</translation>
    </message>
    <message>
        <source>{digit}s: the model learnt from all {samples} of yours, so how it reads new ones is not known — {draw} to check.</source>
        <translation>{digit}er: Das Modell hat aus allen {samples} von Ihnen gelernt, daher ist unbekannt, wie es neue liest – {draw}, um das zu prüfen.</translation>
    </message>
    <message>
        <source>{digit}s: {samples} — draw {more} more for Personalise to learn them.</source>
        <translation>{digit}er: {samples} – zeichnen Sie {more} weitere, damit Personalisieren sie lernen kann.</translation>
    </message>
    <message>
        <source>No samples yet: draw about {target} of each digit and label them (on the Draw tab with ✓ Correct or It&apos;s a…, or with `digitpad samples add`).</source>
        <translation>Noch keine Proben: Zeichnen Sie etwa {target} von jeder Ziffer und beschriften Sie sie (auf dem Reiter Zeichnen mit ✓ Richtig oder „Es ist eine…“, oder mit `digitpad samples add`).</translation>
    </message>
    <message>
        <source>Every digit has {target} or more samples and at least {share} of the ones the model never learnt from are read right: nothing to add.</source>
        <translation>Jede Ziffer hat {target} oder mehr Proben, und mindestens {share} derer, aus denen das Modell nie gelernt hat, werden richtig gelesen: Es fehlt nichts.</translation>
    </message>
    <message>
        <source>No {digits} yet: draw about {target} of each.</source>
        <translation>Noch keine {digits}: Zeichnen Sie von jeder etwa {target}.</translation>
    </message>
    <message>
        <source>The model learnt from all your {digits}, so how it reads new ones is not known — draw a few new ones of each to check.</source>
        <translation>Das Modell hat aus allen Ihren {digits} gelernt, daher ist unbekannt, wie es neue liest – zeichnen Sie von jeder einige neue, um das zu prüfen.</translation>
    </message>
</context>
<context>
    <name>SamplesBasis</name>
    <message>
        <source>was personalised on {samples} of yours</source>
        <translation>wurde mit {samples} von Ihnen personalisiert</translation>
    </message>
    <message>
        <source>was personalised on your samples of {day} but those it held out</source>
        <translation>wurde mit Ihren Proben vom {day} personalisiert, außer den zurückgehaltenen</translation>
    </message>
    <message>
        <source>the model it was personalised from cannot be read, so every sample older than this model counts as learnt</source>
        <translation>das Modell, aus dem es personalisiert wurde, ist nicht lesbar; daher gilt jede Probe, die älter als dieses Modell ist, als gelernt</translation>
    </message>
    <message>
        <source>was trained with the samples you had on {day}</source>
        <translation>wurde mit den Proben trainiert, die Sie am {day} hatten</translation>
    </message>
    <message>
        <source>the model it came from {reason}</source>
        <translation>das Modell, aus dem es stammt, {reason}</translation>
    </message>
    <message>
        <source>This model never learnt from your samples.</source>
        <translation>Dieses Modell hat nie aus Ihren Proben gelernt.</translation>
    </message>
    <message>
        <source>This model never learnt from your samples, so all {samples} count.</source>
        <translation>Dieses Modell hat nie aus Ihren Proben gelernt, daher zählen alle {samples}.</translation>
    </message>
    <message>
        <source>This model {reasons}; only the {samples} it never learnt from counts.</source>
        <translation>Dieses Modell {reasons}; es zählt nur die {samples}, aus der es nie gelernt hat.</translation>
    </message>
    <message>
        <source>This model {reasons}; only the {samples} it never learnt from count.</source>
        <translation>Dieses Modell {reasons}; es zählen nur die {samples}, aus denen es nie gelernt hat.</translation>
    </message>
</context>
<context>
    <name>SamplesReportView</name>
    <message>
        <source>“Never learnt from”: samples the model was not trained or fine-tuned on, so how it reads them is how it will read new drawings of yours. For a personalised model these are the samples it held out to measure itself and any added since; for one trained with your samples, those added since; for any other model, all of them.</source>
        <translation>„Nie daraus gelernt“: Proben, mit denen das Modell weder trainiert noch nachtrainiert wurde; wie es sie liest, so wird es neue Zeichnungen von Ihnen lesen. Bei einem personalisierten Modell sind das die Proben, die es zur Selbstmessung zurückgehalten hat, und alle seither hinzugefügten; bei einem mit Ihren Proben trainierten die seither hinzugefügten; bei jedem anderen Modell alle.</translation>
    </message>
    <message>
        <source>Read well.</source>
        <translation>Wird gut gelesen.</translation>
    </message>
    <message>
        <source>Often misread.</source>
        <translation>Wird oft falsch gelesen.</translation>
    </message>
    <message>
        <source>Not measured: the model learnt from all of them.</source>
        <translation>Nicht gemessen: Das Modell hat aus allen gelernt.</translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation>Noch keine Proben.</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>Ziffer</translation>
    </message>
    <message>
        <source>Click a digit to show only its samples</source>
        <translation>Klicken Sie auf eine Ziffer, um nur ihre Proben zu zeigen</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Proben</translation>
    </message>
    <message>
        <source>How many samples of the digit you have</source>
        <translation>Wie viele Proben der Ziffer Sie haben</translation>
    </message>
    <message>
        <source>Read right</source>
        <translation>Richtig gelesen</translation>
    </message>
    <message>
        <source>Of the samples the model never learnt from, how many it reads as the digit you labelled them with.</source>
        <translation>Von den Proben, aus denen das Modell nie gelernt hat: wie viele es als die Ziffer liest, mit der Sie sie beschriftet haben.</translation>
    </message>
    <message>
        <source>What to draw next, the digit most in need first. A digit needs nothing when at least {share} of its never-learnt-from samples are read right and you have {target} or more of it.</source>
        <translation>Was Sie als Nächstes zeichnen sollten, die bedürftigste Ziffer zuerst. Eine Ziffer braucht nichts, wenn mindestens {share} ihrer Proben, aus denen nie gelernt wurde, richtig gelesen werden und Sie {target} oder mehr davon haben.</translation>
    </message>
    <message>
        <source>{right} of {n}</source>
        <translation>{right} von {n}</translation>
    </message>
    <message>
        <source>In brackets: when it was personalised, it read {right} of the {n} held out right; then it learnt from them too.</source>
        <translation>In Klammern: Beim Personalisieren las es {right} der {n} zurückgehaltenen richtig; danach lernte es auch aus ihnen.</translation>
    </message>
    <message>
        <source>It reads {right} of those {n} right, the others mostly as {other}.</source>
        <translation>Es liest {right} dieser {n} richtig, die anderen meist als {other}.</translation>
    </message>
    <message>
        <source>It reads {right} of those {n} right.</source>
        <translation>Es liest {right} dieser {n} richtig.</translation>
    </message>
</context>
<context>
    <name>SamplesTab</name>
    <message>
        <source>Show all your samples, grouped by digit</source>
        <translation>Alle Ihre Proben zeigen, nach Ziffer gruppiert</translation>
    </message>
    <message>
        <source>Show only your samples of {digit}</source>
        <translation>Nur Ihre Proben der {digit} zeigen</translation>
    </message>
    <message>
        <source>Select samples, then a digit key relabels them and Delete removes them; right-click for a menu.</source>
        <translation>Wählen Sie Proben; eine Zifferntaste beschriftet sie neu, Entf löscht sie; Rechtsklick öffnet ein Menü.</translation>
    </message>
    <message>
        <source>No samples yet. On the Draw tab, draw a digit and press ✓ Correct or the digit it is: it is kept here.</source>
        <translation>Noch keine Proben. Zeichnen Sie auf dem Reiter Zeichnen eine Ziffer und drücken Sie ✓ Richtig oder die Ziffer, die es ist: Sie wird hier aufbewahrt.</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <source>Put back the samples you just deleted</source>
        <translation>Die gerade gelöschten Proben zurückholen</translation>
    </message>
    <message>
        <source>How the active model does on your samples: the share it reads as the digit you labelled them with</source>
        <translation>Wie das aktive Modell bei Ihren Proben abschneidet: der Anteil, den es als die von Ihnen beschriftete Ziffer liest</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the samples of a zip exported by DigitPad (ink JSON files and labels.csv); samples you already have are skipped</source>
        <translation>Die Proben einer von DigitPad exportierten ZIP-Datei hinzufügen (Tinten-JSON-Dateien und labels.csv); Proben, die Sie schon haben, werden übersprungen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write all your samples to a zip: one ink JSON (or PNG) per sample and labels.csv</source>
        <translation>Alle Ihre Proben in eine ZIP-Datei schreiben: eine Tinten-JSON (oder PNG) pro Probe und labels.csv</translation>
    </message>
    <message>
        <source>Personalise…</source>
        <translation>Personalisieren…</translation>
    </message>
    <message>
        <source>Fine-tune the active model on your samples (mixed with the digits it was trained on, so it does not forget them), in the background; then compare before and after and keep it or not</source>
        <translation>Das aktive Modell im Hintergrund mit Ihren Proben nachtrainieren (gemischt mit den Ziffern, mit denen es trainiert wurde, damit es diese nicht vergisst); dann vorher und nachher vergleichen und es behalten oder nicht</translation>
    </message>
    <message>
        <source>How far the fine-tuning is</source>
        <translation>Wie weit das Nachtrainieren ist</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop personalising; nothing is saved</source>
        <translation>Personalisieren abbrechen; nichts wird gespeichert</translation>
    </message>
    <message>
        <source>All · {n}</source>
        <translation>Alle · {n}</translation>
    </message>
    <message>
        <source>No model is loaded, so your samples cannot be read.</source>
        <translation>Es ist kein Modell geladen, daher können Ihre Proben nicht gelesen werden.</translation>
    </message>
    <message>
        <source>You have no samples yet to measure the active model on.</source>
        <translation>Sie haben noch keine Proben, an denen das aktive Modell gemessen werden kann.</translation>
    </message>
    <message>
        <source>You have no samples of {digit} yet to measure the active model on.</source>
        <translation>Sie haben noch keine Proben der {digit}, an denen das aktive Modell gemessen werden kann.</translation>
    </message>
    <message>
        <source>The active model reads &lt;b&gt;{share}&lt;/b&gt; of your samples right ({right} of {n}).</source>
        <translation>Das aktive Modell liest &lt;b&gt;{share}&lt;/b&gt; Ihrer Proben richtig ({right} von {n}).</translation>
    </message>
    <message>
        <source>The active model reads &lt;b&gt;{share}&lt;/b&gt; of your samples of {digit} right ({right} of {n}).</source>
        <translation>Das aktive Modell liest &lt;b&gt;{share}&lt;/b&gt; Ihrer Proben der {digit} richtig ({right} von {n}).</translation>
    </message>
    <message>
        <source>Relabel sample as</source>
        <translation>Probe neu beschriften als</translation>
    </message>
    <message>
        <source>Relabel {n} samples as</source>
        <translation>{n} Proben neu beschriften als</translation>
    </message>
    <message>
        <source>It&apos;s a {digit} (key {digit})</source>
        <translation>Es ist eine {digit} (Taste {digit})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Relabel</source>
        <translation>Neu beschriften</translation>
    </message>
    <message>
        <source>Export your samples</source>
        <translation>Ihre Proben exportieren</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Exported {samples} to {path}.</source>
        <translation>{samples} nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Import samples</source>
        <translation>Proben importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Imported {samples}.</source>
        <translation>{samples} importiert.</translation>
    </message>
    <message>
        <source>Imported {samples} ({n} already here were skipped).</source>
        <translation>{samples} importiert ({n} bereits vorhandene wurden übersprungen).</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Personalising cancelled; nothing was saved.</source>
        <translation>Personalisieren abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Personalise</source>
        <translation>Personalisieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} held out to measure it.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – aus {base} mit {n} Ihrer Proben in {seconds} s nachtrainiert; {held} zur Messung zurückgehalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} held out to measure it, then again on all {all}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – aus {base} mit {n} Ihrer Proben in {seconds} s nachtrainiert; {held} zur Messung zurückgehalten, dann noch einmal mit allen {all}.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>What to train on and how.</source>
        <translation>Womit und wie trainiert wird.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The handwritten digits to learn from; their test split measures the result.</source>
        <translation>Die handgeschriebenen Ziffern, aus denen gelernt wird; ihre Testdaten messen das Ergebnis.</translation>
    </message>
    <message>
        <source>MNIST (60,000 training + 10,000 test digits)</source>
        <translation>MNIST (60.000 Trainings- + 10.000 Testziffern)</translation>
    </message>
    <message>
        <source>The classic set of handwritten digits from 500 writers, 28×28 pixels each. Downloaded once (11 MB) and cached.</source>
        <translation>Der klassische Satz handgeschriebener Ziffern von 500 Schreibenden, je 28×28 Pixel. Einmal heruntergeladen (11 MB) und zwischengespeichert.</translation>
    </message>
    <message>
        <source>The drawn digits shipped with DigitPad (no download)</source>
        <translation>Gezeichnete Ziffern von DigitPad (ohne Download)</translation>
    </message>
    <message>
        <source>Digits people drew with a stylus (UNIPEN, CC BY 4.0), already on this computer: no internet needed; tested on writers it never trains on. MNIST adds more.</source>
        <translation>Ziffern, die Menschen mit einem Stift gezeichnet haben (UNIPEN, CC BY 4.0), schon auf diesem Computer: kein Internet nötig; getestet an Schreibenden, mit denen nie trainiert wird. MNIST bringt mehr.</translation>
    </message>
    <message>
        <source>Digits from a folder or an .npz file</source>
        <translation>Ziffern aus einem Ordner oder einer .npz-Datei</translation>
    </message>
    <message>
        <source>Your own digits: a folder of MNIST-style IDX files (train-images*, train-labels*, optionally t10k-*) or an .npz with x_train, y_train (and x_test, y_test).</source>
        <translation>Ihre eigenen Ziffern: ein Ordner mit IDX-Dateien im MNIST-Format (train-images*, train-labels*, optional t10k-*) oder eine .npz-Datei mit x_train, y_train (und x_test, y_test).</translation>
    </message>
    <message>
        <source>IDX folder or .npz file</source>
        <translation>IDX-Ordner oder .npz-Datei</translation>
    </message>
    <message>
        <source>The IDX folder or .npz file to train on; type a path or use the buttons.</source>
        <translation>Der IDX-Ordner oder die .npz-Datei zum Trainieren; geben Sie einen Pfad ein oder nutzen Sie die Schaltflächen.</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Choose a folder of MNIST-style IDX files.</source>
        <translation>Einen Ordner mit IDX-Dateien im MNIST-Format wählen.</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Choose an .npz file with x_train, y_train (and x_test, y_test).</source>
        <translation>Eine .npz-Datei mit x_train, y_train (und x_test, y_test) wählen.</translation>
    </message>
    <message>
        <source>How many digits the chosen data holds and how they are split.</source>
        <translation>Wie viele Ziffern die gewählten Daten enthalten und wie sie aufgeteilt sind.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>The shape of the multi-layer perceptron: 784 pixels in, hidden layers, 10 digits out.</source>
        <translation>Die Form des mehrschichtigen Perzeptrons: 784 Pixel hinein, verborgene Schichten, 10 Ziffern heraus.</translation>
    </message>
    <message>
        <source>e.g. 256, 128</source>
        <translation>z. B. 256, 128</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Verborgene Schichten</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1-Regularisierung</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2-Regularisierung</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>Initialisierung</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>How the weights are updated from the gradient of the loss.</source>
        <translation>Wie die Gewichte aus dem Gradienten des Verlusts aktualisiert werden.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Rate schedule</source>
        <translation>Lernratenverlauf</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>How long and on what the network trains.</source>
        <translation>Wie lange und womit das Netz trainiert.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Frühes Stoppen</translation>
    </message>
    <message>
        <source>Keep the best epoch&apos;s weights</source>
        <translation>Beste Epoche behalten</translation>
    </message>
    <message>
        <source>Weights kept</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Zufallsstartwert</translation>
    </message>
    <message>
        <source>Distort the training digits</source>
        <translation>Trainingsziffern verzerren</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Datenerweiterung</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>What is wrong with the settings; Start is disabled until it is fixed.</source>
        <translation>Was an den Einstellungen falsch ist; Starten bleibt gesperrt, bis es behoben ist.</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Put every network and training setting back to the tutorial&apos;s defaults (the data choice stays).</source>
        <translation>Alle Netz- und Trainingseinstellungen auf die Standardwerte des Tutorials zurücksetzen (die Datenwahl bleibt).</translation>
    </message>
    <message>
        <source>hidden: {layers} is not 1 to 6 layers of 4 to 4096 neurons each, e.g. 256,128.</source>
        <translation>Verborgene Schichten: {layers} sind nicht 1 bis 6 Schichten mit je 4 bis 4096 Neuronen, z. B. 256,128.</translation>
    </message>
    <message>
        <source>hidden layers {text}: write the layer sizes as whole numbers separated by commas, e.g. 256, 128 or 256,128.</source>
        <translation>Verborgene Schichten {text}: Schreiben Sie die Schichtgrößen als ganze Zahlen, durch Kommas getrennt, z. B. 256, 128 oder 256,128.</translation>
    </message>
    <message>
        <source>Choose the digits to train on: MNIST, the drawn digits, or a folder or .npz file.</source>
        <translation>Wählen Sie die Ziffern zum Trainieren: MNIST, die gezeichneten Ziffern oder einen Ordner oder eine .npz-Datei.</translation>
    </message>
    <message>
        <source>Cached copy found: no download needed.</source>
        <translation>Zwischengespeicherte Kopie gefunden: kein Download nötig.</translation>
    </message>
    <message>
        <source>MNIST is in Keras&apos;s cache on this computer.</source>
        <translation>MNIST liegt im Keras-Zwischenspeicher auf diesem Computer.</translation>
    </message>
    <message>
        <source>Not on this computer yet: 11 MB are downloaded when training starts (needs the internet; without it, train on the drawn digits).</source>
        <translation>Noch nicht auf diesem Computer: 11 MB werden beim Start des Trainings heruntergeladen (braucht Internet; ohne trainieren Sie mit den gezeichneten Ziffern).</translation>
    </message>
    <message>
        <source>Needs an internet connection once; without one, the download fails within seconds: choose the drawn digits or a folder or .npz file.</source>
        <translation>Braucht einmal eine Internetverbindung; ohne schlägt der Download binnen Sekunden fehl: Wählen Sie die gezeichneten Ziffern oder einen Ordner oder eine .npz-Datei.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Choose a folder of IDX digit files</source>
        <translation>Einen Ordner mit IDX-Zifferndateien wählen</translation>
    </message>
    <message>
        <source>Choose an .npz file of digits</source>
        <translation>Eine .npz-Datei mit Ziffern wählen</translation>
    </message>
    <message>
        <source>NumPy digit archives (*.npz);;All files (*)</source>
        <translation>NumPy-Ziffernarchive (*.npz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>Saving the model…</source>
        <translation>Das Modell wird gespeichert…</translation>
    </message>
    <message>
        <source>Starting TensorFlow (the first time takes a few seconds)…</source>
        <translation>TensorFlow wird gestartet (beim ersten Mal dauert es einige Sekunden)…</translation>
    </message>
    <message>
        <source>Drawing the digits shipped with DigitPad…</source>
        <translation>Die mit DigitPad gelieferten Ziffern werden gezeichnet…</translation>
    </message>
    <message>
        <source>Downloading MNIST (11 MB)…</source>
        <translation>MNIST wird heruntergeladen (11 MB)…</translation>
    </message>
    <message>
        <source>Loading the digits…</source>
        <translation>Die Ziffern werden geladen…</translation>
    </message>
    <message>
        <source>Train a new network on handwritten digits and watch it learn.</source>
        <translation>Ein neues Netz mit handgeschriebenen Ziffern trainieren und ihm beim Lernen zusehen.</translation>
    </message>
    <message>
        <source>Drag the divider to give the settings or the curves more room.</source>
        <translation>Ziehen Sie den Teiler, um den Einstellungen oder den Kurven mehr Platz zu geben.</translation>
    </message>
    <message>
        <source>Choose the data and the settings on the left, then press &lt;b&gt;Start training&lt;/b&gt;.&lt;br&gt;The curves, the test accuracy and the confusion matrix appear here; drawing stays live meanwhile.</source>
        <translation>Wählen Sie links die Daten und die Einstellungen und drücken Sie dann &lt;b&gt;Training starten&lt;/b&gt;.&lt;br&gt;Die Kurven, die Genauigkeit auf den Testdaten und die Konfusionsmatrix erscheinen hier; das Zeichnen bleibt währenddessen live.</translation>
    </message>
    <message>
        <source>Progress, live curves and the result of the training.</source>
        <translation>Fortschritt, Live-Kurven und das Ergebnis des Trainings.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>What the training is doing now.</source>
        <translation>Was das Training gerade tut.</translation>
    </message>
    <message>
        <source>The result of the training and its epoch log.</source>
        <translation>Das Ergebnis des Trainings und sein Epochenprotokoll.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>Epochenprotokoll</translation>
    </message>
    <message>
        <source>Drag the divider to resize the curves and the result.</source>
        <translation>Ziehen Sie den Teiler, um die Größe der Kurven und des Ergebnisses zu ändern.</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Train a new network with these settings in the background. Your current model stays in use until you choose the new one.</source>
        <translation>Ein neues Netz mit diesen Einstellungen im Hintergrund trainieren. Ihr aktuelles Modell bleibt in Verwendung, bis Sie das neue wählen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the training; nothing is saved and your models are unchanged.</source>
        <translation>Das Training abbrechen; nichts wird gespeichert, und Ihre Modelle bleiben unverändert.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Epoch, batch and the estimated time left.</source>
        <translation>Epoche, Stapel und die geschätzte Restzeit.</translation>
    </message>
    <message>
        <source>A problem with the last training.</source>
        <translation>Ein Problem beim letzten Training.</translation>
    </message>
    <message>
        <source>The error message; you can select and copy it.</source>
        <translation>Die Fehlermeldung; Sie können sie markieren und kopieren.</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Show the technical details (for a bug report).</source>
        <translation>Die technischen Details zeigen (für einen Fehlerbericht).</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Hide this message.</source>
        <translation>Diese Meldung ausblenden.</translation>
    </message>
    <message>
        <source>One line per epoch: loss and accuracy on the training and validation digits.</source>
        <translation>Eine Zeile pro Epoche: Verlust und Genauigkeit auf den Trainings- und Validierungsziffern.</translation>
    </message>
    <message>
        <source>Each finished epoch adds a line here.</source>
        <translation>Jede abgeschlossene Epoche fügt hier eine Zeile hinzu.</translation>
    </message>
    <message>
        <source>Fix the settings first: {problem}</source>
        <translation>Korrigieren Sie zuerst die Einstellungen: {problem}</translation>
    </message>
    <message>
        <source>Choose a folder or an .npz file with digits, or MNIST.</source>
        <translation>Wählen Sie einen Ordner oder eine .npz-Datei mit Ziffern oder MNIST.</translation>
    </message>
    <message>
        <source>Training {name}</source>
        <translation>Training von {name}</translation>
    </message>
    <message>
        <source>network: {settings}</source>
        <translation>Netz: {settings}</translation>
    </message>
    <message>
        <source>training: {settings}</source>
        <translation>Training: {settings}</translation>
    </message>
    <message>
        <source>Training… the result appears here when it ends.</source>
        <translation>Training läuft… das Ergebnis erscheint hier, wenn es endet.</translation>
    </message>
    <message>
        <source>Saving the finished model; it will be kept.</source>
        <translation>Das fertige Modell wird gespeichert; es bleibt erhalten.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Preparing the network…</source>
        <translation>Das Netz wird vorbereitet…</translation>
    </message>
    <message>
        <source>data: {name}: {summary}</source>
        <translation>Daten: {name}: {summary}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · batch {batch} of {batches}</source>
        <translation>Epoche {epoch} von {epochs} · Stapel {batch} von {batches}</translation>
    </message>
    <message>
        <source>Training: {batches} batches per epoch.</source>
        <translation>Training: {batches} Stapel pro Epoche.</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>Training: loss {loss}, accuracy {accuracy} this epoch · {time} so far.</source>
        <translation>Training: Verlust {loss}, Genauigkeit {accuracy} in dieser Epoche · bisher {time}.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n epoch(s).</source>
        <translation>
            <numerusform>Nach %n Epoche abgebrochen.</numerusform>
            <numerusform>Nach %n Epochen abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was saved; your models are unchanged.</source>
        <translation>Nichts wurde gespeichert; Ihre Modelle sind unverändert.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The training did not finish.</source>
        <translation>Das Training wurde nicht beendet.</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>Fehler: {error}</translation>
    </message>
    <message>
        <source>The training did not finish; see the message above.</source>
        <translation>Das Training wurde nicht beendet; siehe die Meldung oben.</translation>
    </message>
    <message>
        <source>It saved “{name}” before that: it is in your Models list.</source>
        <translation>Zuvor hat es „{name}“ gespeichert: Es ist in Ihrer Modellliste.</translation>
    </message>
    <message>
        <source>Your models are unchanged.</source>
        <translation>Ihre Modelle sind unverändert.</translation>
    </message>
    <message>
        <source>Done in {time}</source>
        <translation>Fertig in {time}</translation>
    </message>
    <message>
        <source>Finished; the model is saved in your Models list.</source>
        <translation>Fertig; das Modell ist in Ihrer Modellliste gespeichert.</translation>
    </message>
    <message>
        <source>best</source>
        <translation>beste</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Test accuracy {share} on {n} digits; best epoch {epoch}; saved as “{name}”.</source>
        <translation>Genauigkeit (Testdaten) {share} an {n} Ziffern; beste Epoche {epoch}; gespeichert als „{name}“.</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>Trainingsfehler</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>The settings are not valid: {error}</source>
        <translation>Die Einstellungen sind ungültig: {error}</translation>
    </message>
    <message>
        <source>Your other models are unchanged.</source>
        <translation>Ihre anderen Modelle sind unverändert.</translation>
    </message>
    <message>
        <source>The model “{name}” was saved before that; it is in your Models list.</source>
        <translation>Das Modell „{name}“ wurde zuvor gespeichert; es ist in Ihrer Modellliste.</translation>
    </message>
    <message>
        <source>Loading the digits failed</source>
        <translation>Das Laden der Ziffern ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Downloading MNIST failed</source>
        <translation>Der Download von MNIST ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>TensorFlow could not be started</source>
        <translation>TensorFlow konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Das Training ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Training finished but the model could not be saved</source>
        <translation>Das Training ist fertig, aber das Modell konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>max(0, x): simple and fast to train; the usual choice.</source>
        <translation>max(0, x): einfach und schnell zu trainieren; die übliche Wahl.</translation>
    </message>
    <message>
        <source>1 / (1 + e^-x), squashed to 0..1: the classic neuron, slow to train in deep nets.</source>
        <translation>1 / (1 + e^-x), auf 0..1 gestaucht: das klassische Neuron, in tiefen Netzen langsam zu trainieren.</translation>
    </message>
    <message>
        <source>Squashed to -1..1 and centred on 0: trains better than sigmoid.</source>
        <translation>Auf -1..1 gestaucht und um 0 zentriert: trainiert besser als Sigmoid.</translation>
    </message>
    <message>
        <source>Like ReLU but with a small slope (0.2) for negative inputs, so no neuron goes silent.</source>
        <translation>Wie ReLU, aber mit kleiner Steigung (0,2) für negative Eingaben, damit kein Neuron verstummt.</translation>
    </message>
    <message>
        <source>Like ReLU but bends smoothly to -1 for negative inputs.</source>
        <translation>Wie ReLU, biegt aber für negative Eingaben sanft gegen -1 ab.</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + Momentum</translation>
    </message>
    <message>
        <source>SGD + Nesterov momentum</source>
        <translation>SGD + Nesterov-Momentum</translation>
    </message>
    <message>
        <source>Plain stochastic gradient descent: a step straight downhill; needs a larger learning rate (~0.05).</source>
        <translation>Einfacher stochastischer Gradientenabstieg: ein Schritt direkt bergab; braucht eine größere Lernrate (~0,05).</translation>
    </message>
    <message>
        <source>SGD that keeps 90 % of its previous step, rolling through small bumps.</source>
        <translation>SGD, das 90 % seines vorigen Schritts beibehält und so über kleine Unebenheiten rollt.</translation>
    </message>
    <message>
        <source>Momentum that looks ahead before stepping; often a little faster than momentum.</source>
        <translation>Momentum, das vor dem Schritt vorausschaut; oft etwas schneller als Momentum.</translation>
    </message>
    <message>
        <source>Gives each weight its own step size that shrinks as that weight gets updated.</source>
        <translation>Gibt jedem Gewicht eine eigene Schrittweite, die schrumpft, je öfter dieses Gewicht aktualisiert wird.</translation>
    </message>
    <message>
        <source>Scales each weight&apos;s step by a running average of its recent gradients.</source>
        <translation>Skaliert den Schritt jedes Gewichts mit einem gleitenden Mittel seiner letzten Gradienten.</translation>
    </message>
    <message>
        <source>Momentum plus per-weight step sizes; a robust default (learning rate ~0.001).</source>
        <translation>Momentum plus eigene Schrittweiten je Gewicht; ein robuster Standard (Lernrate ~0,001).</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation>Kosinus-Abfall</translation>
    </message>
    <message>
        <source>The same learning rate in every epoch.</source>
        <translation>Dieselbe Lernrate in jeder Epoche.</translation>
    </message>
    <message>
        <source>Starts at the learning rate and glides down to zero by the last epoch along a cosine.</source>
        <translation>Beginnt bei der Lernrate und gleitet entlang eines Kosinus bis zur letzten Epoche auf null.</translation>
    </message>
    <message>
        <source>Xavier (Glorot) uniform</source>
        <translation>Xavier (Glorot), gleichverteilt</translation>
    </message>
    <message>
        <source>Xavier (Glorot) normal</source>
        <translation>Xavier (Glorot), normalverteilt</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He, normalverteilt</translation>
    </message>
    <message>
        <source>He uniform</source>
        <translation>He, gleichverteilt</translation>
    </message>
    <message>
        <source>Neurons in each hidden layer, input side first, separated by commas (1 to 6 layers of 4 to 4096): more neurons can learn more, but train slower and overfit sooner.</source>
        <translation>Neuronen in jeder verborgenen Schicht, eingangsseitige zuerst, durch Kommas getrennt (1 bis 6 Schichten mit 4 bis 4096): Mehr Neuronen können mehr lernen, trainieren aber langsamer und passen sich früher zu stark an.</translation>
    </message>
    <message>
        <source>The non-linear function each hidden neuron applies to its weighted input; without it the layers would collapse into one linear map.</source>
        <translation>Die nichtlineare Aktivierungsfunktion, die jedes verborgene Neuron auf seine gewichtete Eingabe anwendet; ohne sie fielen die Schichten zu einer einzigen linearen Abbildung zusammen.</translation>
    </message>
    <message>
        <source>Share of the first hidden layer&apos;s neurons switched off at random in each training step, so the network cannot lean on any one of them (fights overfitting; 0 = off).</source>
        <translation>Anteil der Neuronen der ersten verborgenen Schicht, die in jedem Trainingsschritt zufällig abgeschaltet werden, damit sich das Netz auf keines davon verlassen kann (gegen Überanpassung; 0 = aus).</translation>
    </message>
    <message>
        <source>Adds this times the sum of the weights&apos; absolute values to the loss, pushing unneeded weights to exactly zero (0 = off; try 1e-5).</source>
        <translation>Addiert diesen Wert mal die Summe der Beträge der Gewichte zur Verlustfunktion und drückt unnötige Gewichte auf genau null (0 = aus; versuchen Sie 1e-5).</translation>
    </message>
    <message>
        <source>Weight decay: adds this times the sum of the squared weights to the loss, keeping weights small and the network smooth (0 = off; try 1e-4).</source>
        <translation>Gewichtsabnahme: addiert diesen Wert mal die Summe der quadrierten Gewichte zur Verlustfunktion und hält die Gewichte klein und das Netz glatt (0 = aus; versuchen Sie 1e-4).</translation>
    </message>
    <message>
        <source>How the weights are drawn before training: Xavier (Glorot) suits sigmoid and tanh, He suits ReLU-like activations; both keep signals from fading or exploding.</source>
        <translation>Wie die Gewichte vor dem Training ausgelost werden: Xavier (Glorot) passt zu Sigmoid und tanh, He zu ReLU-artigen Aktivierungen; beide verhindern, dass Signale verblassen oder explodieren.</translation>
    </message>
    <message>
        <source>The rule that turns the loss&apos;s gradient into weight changes: SGD steps straight downhill, momentum keeps rolling, Adagrad/RMSprop/Adam adapt each weight&apos;s step size.</source>
        <translation>Die Regel, die den Gradienten der Verlustfunktion in Gewichtsänderungen umsetzt: SGD geht direkt bergab, Momentum rollt weiter, Adagrad/RMSprop/Adam passen die Schrittweite jedes Gewichts an.</translation>
    </message>
    <message>
        <source>How big a step each update takes: too large and the loss jumps or explodes, too small and learning crawls (Adam ~0.001, SGD ~0.05).</source>
        <translation>Wie groß jeder Aktualisierungsschritt ist: zu groß, und der Verlust springt oder explodiert; zu klein, und das Lernen kriecht (Adam ~0,001, SGD ~0,05).</translation>
    </message>
    <message>
        <source>How the learning rate changes during training: constant, or decaying towards zero so the last epochs fine-tune with small steps.</source>
        <translation>Wie sich die Lernrate während des Trainings ändert: konstant oder gegen null abfallend, sodass die letzten Epochen mit kleinen Schritten feinjustieren.</translation>
    </message>
    <message>
        <source>How many passes over all the training digits (early stopping may end sooner).</source>
        <translation>Wie viele Durchläufe über alle Trainingsziffern (frühes Stoppen kann früher enden).</translation>
    </message>
    <message>
        <source>How many digits each weight update averages over: larger batches are faster per epoch and smoother, smaller ones make more (noisier) updates.</source>
        <translation>Über wie viele Ziffern jede Gewichtsaktualisierung mittelt: Größere Stapel sind pro Epoche schneller und glatter, kleinere machen mehr (verrauschtere) Aktualisierungen.</translation>
    </message>
    <message>
        <source>Share of the training digits held back and checked after every epoch; the best epoch and early stopping are judged on these unseen digits.</source>
        <translation>Anteil der Trainingsziffern, der zurückgehalten und nach jeder Epoche geprüft wird; die beste Epoche und das frühe Stoppen werden an diesen ungesehenen Ziffern beurteilt.</translation>
    </message>
    <message>
        <source>Stop when validation accuracy has not improved for this many epochs (off = run every epoch).</source>
        <translation>Anhalten, wenn sich die Validierungsgenauigkeit so viele Epochen lang nicht verbessert hat (aus = alle Epochen laufen).</translation>
    </message>
    <message>
        <source>Checked: the network ends with the weights of the epoch that scored best on the validation digits. Unchecked: the last epoch&apos;s, which is usually as good at the end of a cosine schedule, where the best on a few hundred digits is partly luck.</source>
        <translation>Angehakt: Das Netz endet mit den Gewichten der Epoche, die bei den Validierungsziffern am besten abschnitt. Nicht angehakt: mit denen der letzten Epoche, die am Ende eines Kosinus-Verlaufs meist genauso gut ist – dort ist die beste auf ein paar hundert Ziffern teils Glück.</translation>
    </message>
    <message>
        <source>Starting point of all randomness (initial weights, shuffling, augmentation, the validation split): the same seed and settings train the same network.</source>
        <translation>Ausgangspunkt aller Zufälle (Initialisierung der Gewichte, Mischen, Datenerweiterung, Validierungsaufteilung): derselbe Startwert und dieselben Einstellungen trainieren dasselbe Netz.</translation>
    </message>
    <message>
        <source>Show the network randomly rotated, zoomed, sheared, shifted, warped and thicker or thinner copies of the digits, so it copes with real handwriting.</source>
        <translation>Dem Netz zufällig gedrehte, gezoomte, gescherte, verschobene, verzogene sowie dickere oder dünnere Kopien der Ziffern zeigen, damit es mit echter Handschrift zurechtkommt.</translation>
    </message>
    <message>
        <source>How strong the distortions are: 0 none, 1 the default, 2 strong, 3 extreme.</source>
        <translation>Wie stark die Verzerrungen sind: 0 keine, 1 Standard, 2 stark, 3 extrem.</translation>
    </message>
</context>
</TS>
