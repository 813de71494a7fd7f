<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>av</name>
    <message>
        <source>Sinusoidal positional encoding, d_model = %1, base = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X — embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P — positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X + P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q = (X + P) W_Q, head 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K = (X + P) W_K, head 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V = (X + P) W_V, head 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z = A V, head 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C = [Z_1 | … | Z_%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the figure could not be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1 — scores before %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1 — attention weights, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask — %1 (1 = may attend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output O = concat · W_O (%1 × %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding P (%1 positions × %2 dims)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dim %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per head: spread and reach of attention (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean entropy (nats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean distance |i − j| (positions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sinusoidal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled dot product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dot product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>additive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>causal mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>causal window mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X (embeddings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_Q (head %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_K (head %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_V (head %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w (additive score, one row per head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P (learned positional encoding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Head %1: “%2” attends to “%3”&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled: %1 / √%2 = %1 / %3 = %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine: %1 / (%2 × %3) = %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>additive: w · tanh(%1 + %2) = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature: S = %1 / %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masked out by the %1: A = 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp(S − max) = exp(%1 − %2) = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row sum Σ exp = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;A = %1 / %2 = %3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;A = max(0, %1) = %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::AttentionPanel</name>
    <message>
        <source>Attention weights A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores S (before normalisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a cell to see how its number came about. With a custom mask, click cells to allow or block them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Autosave</name>
    <message>
        <source>%1: cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::BarPlot</name>
    <message>
        <source>Nothing to plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::CompareDemo</name>
    <message>
        <source>Scaled vs unscaled scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled: Q·Kᵀ / √d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unscaled: Q·Kᵀ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With vs without positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full vs causal mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>causal mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax vs ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same session computed twice, with one setting changed. Right: the difference of the two weight matrices (red: the first setting gives more weight, blue: less).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference: first − second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1: max |ΔA| = %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::CostDemo</name>
    <message>
        <source>Per layer over n positions of width d (Vaswani et al. 2017, table 1). Self-attention costs n²·d but connects any two positions in one step and runs all positions at once; it is cheaper than a recurrent layer while n &lt; d. A recurrent layer must take n steps one after another, and a signal crosses n − 1 of them. A convolution of kernel k needs a stack of layers to connect distant positions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence length for the table (follows the session&apos;s tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the representation (follows the session&apos;s d_model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel k = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>curves up to n = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum path length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution (kernel k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilated convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-attention n²·d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>convolution k·n·d²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recurrent n·d²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations per layer at d = %1, k = %2: self-attention is cheaper than recurrence while n &lt; d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequence length n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operations (multiply–adds)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::CurvePlot</name>
    <message>
        <source>Nothing to plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::DemosWindow</name>
    <message>
        <source>Demonstrations — AttnViz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why scale by √d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Document</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model %1 is not divisible by %2 heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change d_model to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heads do not divide d_model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change heads to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change seed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding base %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask radius %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle mask cell (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalizer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-initialise %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::ExportController</name>
    <message>
        <source>Export options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the figure could not be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all figures into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export numbers as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export numbers as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all figures…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::HeatmapPlot</name>
    <message>
        <source>No tokens — type a sentence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::InputPanel</name>
    <message>
        <source>Choose a lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a sentence; tokens are split on spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tokens, in order; each becomes one row of X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of each embedding; must be divisible by the number of heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of heads; each has width d_k = d_model / heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for the derived embeddings and weights; changing it derives them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S = score / temperature: below 1 sharpens the weights, above 1 flattens them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom: click cells of the attention heatmap to allow or block them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window radius r: query i sees keys j with |i − j| ≤ r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tokens: type a sentence to see its attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 tokens are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1: row %1 of X</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Language</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface language changes when AttnViz starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::MainWindow</name>
    <message>
        <source>AttnViz sessions (*.attn.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;all figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AttnViz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About AttnViz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;AttnViz %1&lt;/b&gt;&lt;p&gt;See, edit and export every step of multi-head self-attention.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens · d_model %2 · %3 heads · d_k %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::MasksDemo</name>
    <message>
        <source>A mask decides which keys each query may see; the weights of the others are 0 (hatched) and the rest are renormalised. Causal: a model that writes left to right, like GPT-2, must not look at words it has not written yet. Window (truncated attention): long inputs such as speech frames attend to their neighbours only, so the cost grows with n instead of n².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window radius r = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full attention (encoders, BERT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal attention (GPT-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window, r = %1 (truncated attention, speech)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every token sees every token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token i sees tokens 0 … i: generation never peeks ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token i sees i − %1 … i + %1: cost grows as n·(2r + 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 query–key pairs computed; %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::MatrixEditor</name>
    <message>
        <source>row %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::MatrixModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a value, drag up or down, or turn the wheel to change it (Shift ×10, Ctrl ÷10).
Alt+wheel scrolls the table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::NumberParser</name>
    <message>
        <source>Type a number (the input is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number: use one decimal separator, as in 0.5 or 0,5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (a double holds at most ±1.8e308)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::PipelinePanel</name>
    <message>
        <source>Head </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every step of the pass, in order. Per-head steps for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional encoding (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input to the heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scores, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention weights, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output of head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heads side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::PositionalPanel</name>
    <message>
        <source>How many positions the figures show (the sentence may have fewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 6-9 or 0 2 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions to draw: even ones are sines, odd ones cosines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding, d_model = %1, base = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Presentation</name>
    <message>
        <source>&amp;Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen with large fonts for a projector (F5; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Viridis (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cividis (colour-blind safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grey (for printing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Recovery</name>
    <message>
        <source>%1: the session file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery file discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved work from a previous run could not be read and was discarded:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AttnViz did not close properly. Restore the unsaved work from %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::RecoveryEntry</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::RelativePositionDemo</name>
    <message>
        <source>The sinusoidal encoding pairs a sine and a cosine of the same frequency ω_i. Moving k positions on rotates each pair by the angle k·ω_i, whatever the position: PE(pos + k) = M_k · PE(pos) with one matrix M_k for every pos. A head can therefore learn a linear map that looks &quot;k tokens back&quot; anywhere in the sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even: every sine has its cosine. Follows the session&apos;s d_model, rounded up to even.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pos = </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The position whose vectors the curves show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M_%1: rotation by %1·ω_i in each (sin, cos) pair, d_model = %2, base = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row (output dimension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column (input dimension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PE(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PE(%1 + %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M_%1 · PE(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoding vectors at position %1: M_%2 · PE(%1) lands on PE(%1 + %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Check:&lt;/b&gt; max over pos = 0 … %1 of |PE(pos + %2) − M_%2 · PE(pos)| = %3 (rounding only: the same matrix shifts every position).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::ScalingDemo</name>
    <message>
        <source>The width d_k of the queries and keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For q and k with d_k independent entries of variance 1, Var(q·k) = d_k: the scores spread as √d_k. Softmax of widely spread scores puts almost all weight on one key, and its gradient vanishes. Dividing by √d_k brings the variance back to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples: variance of q·k = %2 (theory: d_k = %3), standard deviation %4 (theory √d_k = %5); variance of q·k / √d_k = %6 (theory: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N(0, 1) density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution of the scores at d_k = %1: spread √d_k = %2 without scaling, 1 with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q·k (not scaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q·k / √d_k (scaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One query&apos;s softmax over %1 keys at d_k = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax(q·k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax(q·k / √d_k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scaled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled by √d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform (1/%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturation: the largest weight of a row of %1 keys, mean of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest weight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::ShuffleDemo</name>
    <message>
        <source>&amp;Shuffle the tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-attention treats its input as a set: without a positional encoding, putting the tokens in another order (a permutation P) only reorders the rows and columns of A, A&apos; = P·A·Pᵀ, so word order cannot matter. With an encoding, each position adds its own vector and the pattern itself changes. (Mask off here: a mask is itself positional.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order after shuffle %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with positional encoding (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A, original order — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P·A·Pᵀ: A reordered — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&apos; recomputed after the shuffle — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least two tokens to shuffle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same pattern, only reordered: this encoding does not tell these positions apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounding only: shuffling merely reorders A, so the order of the words is invisible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clearly above 0: the pattern itself changed, so attention sees the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identity failed, which it should not without an encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without encoding:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::SummaryPanel</name>
    <message>
        <source>Entropy: 0 when a query looks at one key, ln n when it spreads evenly.
Distance: how many positions away a query looks, on average.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::Walkthrough</name>
    <message>
        <source>head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n = %1 tokens: %2&lt;br&gt;We follow token %3, %4, to the output number O&lt;sub&gt;%3,%5&lt;/sub&gt; = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transformer never sees a sentence, only a list of tokens. Every step below works on one row per token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens and their positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token %1 is followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = embedding of %2 = %3&lt;br&gt;X is n × d&lt;sub&gt;model&lt;/sub&gt; = %4 × %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each token is looked up in a table of learned vectors, its embedding. Tokens used in similar ways end up with similar vectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X — embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 + %3 = %4 + %5 = %6&lt;br&gt;positional encoding: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention by itself ignores word order. This session adds no positional encoding (P = 0), so shuffling the tokens would only shuffle the output rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention by itself ignores word order, so a vector that depends only on the position is added to each embedding: the same word at another place gives another input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P — positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= X&lt;sub&gt;in&lt;/sub&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X_in = X + P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 W&lt;sub&gt;Q&lt;/sub&gt; = %3&lt;br&gt;%4&lt;br&gt;column %5 of V = %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three projections of the same input, with head %1’s own W&lt;sub&gt;Q&lt;/sub&gt;, W&lt;sub&gt;K&lt;/sub&gt;, W&lt;sub&gt;V&lt;/sub&gt;: the query asks what to look for, each key says what its token offers, and the values are what gets passed on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query of token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 of the values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score(%1, %2) = w · tanh(%1 + %2) = %3&lt;br&gt;for every key: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The additive score passes query and key through a small learned layer: one number per key, how well it matches what token %1 looks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 = %3 = %4&lt;br&gt;%1 · k&lt;sub&gt;j&lt;/sub&gt; for every key: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dot product of the query with a key is large when the two point the same way: one number per key, how well it matches what token %1 looks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one score per key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w · tanh(q + k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q · k, query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 · %3 / √d&lt;sub&gt;k&lt;/sub&gt; = %4 / √%5 = %4 / %6 = %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dot products grow with the number of dimensions; large ones would make softmax give almost all weight to one key. Dividing by √d&lt;sub&gt;k&lt;/sub&gt; keeps the weights soft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 · %3 / (|%2| |%3|) = %4 / (%5 × %6) = %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine divides by both lengths instead of √d&lt;sub&gt;k&lt;/sub&gt;: only the directions count, and every score lies between −1 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 (no scaling for the %3 score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This score is not divided by √d&lt;sub&gt;k&lt;/sub&gt;. With many dimensions the scores grow large and softmax gives almost all weight to one key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;÷ temperature T = %1: %2 / %1 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;row %1 of S: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after: row %1 of S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask: %1&lt;br&gt;token %2 may attend to keys %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;keys %1 are hidden: their weight will be exactly 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mask says which keys a query may see. A causal mask hides the tokens that come later, so that a model predicting the next word cannot peek at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scores that remain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = exp(%2 − max) / Σ&lt;sub&gt;j&lt;/sub&gt; exp(s&lt;sub&gt;%3,j&lt;/sub&gt; − max)&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= exp(%4 − %5) / %6 = %7 / %6 = &lt;b&gt;%8&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax turns the scores into weights that are positive and add up to 1: each key’s share of token %1’s attention. Subtracting the maximum first changes nothing but keeps exp() from overflowing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = max(0, %2) = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU keeps the positive scores and sets the others to 0; unlike softmax the weights need not add up to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;row %1 of A: %2, sum %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;%2,j&lt;/sub&gt; v&lt;sub&gt;j,%3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head’s output for token %1 is a blend of the value vectors, each weighted by the attention its key got. Keys with weight 0 add nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× column %1 of V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = [%2] = %3&lt;br&gt;column %4 of C is column %5 of head %6: &lt;b&gt;%7&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z&lt;sup&gt;(1)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt; | … | z&lt;sup&gt;(%2)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With one head there is nothing to put side by side: C is Z. With several, each head looks for something else and their outputs are joined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each head looks for something else; their outputs for token %1 are put side by side into one row of d&lt;sub&gt;model&lt;/sub&gt; numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head %1’s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C, all heads side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C = [Z1 | … | Z%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;m&lt;/sub&gt; c&lt;sub&gt;%1,m&lt;/sub&gt; W&lt;sub&gt;O m,%2&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&lt;sub&gt;O&lt;/sub&gt; mixes the heads’ results into the layer’s output, so that each output number can draw on every head. This is the number we followed from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× column %1 of W&lt;sub&gt;O&lt;/sub&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_O — output projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positional encoding added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries, keys and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling by √d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted sum of V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concatenation of heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output projection W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no tokens yet: type a sentence in the Input panel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::WalkthroughPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a step directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step (Left, Backspace, Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (Right, Space, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token whose output the walk follows (the query)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column of the output O the walk follows; it decides the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow O[token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>av::WeightsPanel</name>
    <message>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-initialise from the seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xavier uniform: U(−a, a), a = √(6 / (fan_in + fan_out)); for X, each token&apos;s derived embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the shown matrix; Undo brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
