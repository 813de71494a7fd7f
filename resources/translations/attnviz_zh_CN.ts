<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>attn</name>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
</context>
<context>
    <name>av</name>
    <message>
        <source>Sinusoidal positional encoding, d_model = %1, base = %2</source>
        <translation>正弦位置编码，d_model = %1，基数 = %2</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>X — embeddings</source>
        <translation>X — 嵌入</translation>
    </message>
    <message>
        <source>P — positional encoding</source>
        <translation>P — 位置编码</translation>
    </message>
    <message>
        <source>X + P</source>
        <translation>X + P</translation>
    </message>
    <message>
        <source>Q = (X + P) W_Q, head 1</source>
        <translation>Q = (X + P) W_Q，头 1</translation>
    </message>
    <message>
        <source>K = (X + P) W_K, head 1</source>
        <translation>K = (X + P) W_K，头 1</translation>
    </message>
    <message>
        <source>V = (X + P) W_V, head 1</source>
        <translation>V = (X + P) W_V，头 1</translation>
    </message>
    <message>
        <source>Z = A V, head 1</source>
        <translation>Z = A V，头 1</translation>
    </message>
    <message>
        <source>C = [Z_1 | … | Z_%1]</source>
        <translation>C = [Z_1 | … | Z_%1]</translation>
    </message>
    <message>
        <source>%1: the folder cannot be created</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: the figure could not be drawn</source>
        <translation>%1：无法绘制该图表</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Head %1 — scores before %2, %3</source>
        <translation>头 %1 — %2 之前的分数，%3</translation>
    </message>
    <message>
        <source>Head %1 — attention weights, %2</source>
        <translation>头 %1 — 注意力权重，%2</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Mask — %1 (1 = may attend)</source>
        <translation>掩码 — %1（1 = 可关注）</translation>
    </message>
    <message>
        <source>Output O = concat · W_O (%1 × %2)</source>
        <translation>输出 O = concat · W_O（%1 × %2）</translation>
    </message>
    <message>
        <source>Encoding P (%1 positions × %2 dims)</source>
        <translation>位置编码 P（%1 个位置 × %2 维）</translation>
    </message>
    <message>
        <source>dim %1 (%2)</source>
        <translation>第 %1 维（%2）</translation>
    </message>
    <message>
        <source>Per head: spread and reach of attention (%1)</source>
        <translation>各头注意力的分散程度与距离（%1）</translation>
    </message>
    <message>
        <source>mean entropy (nats)</source>
        <translation>平均熵（nat）</translation>
    </message>
    <message>
        <source>mean distance |i − j| (positions)</source>
        <translation>平均距离 |i − j|（位置数）</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>sinusoidal</source>
        <translation>正弦</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>可学习</translation>
    </message>
    <message>
        <source>scaled dot product</source>
        <translation>缩放点积</translation>
    </message>
    <message>
        <source>dot product</source>
        <translation>点积</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>additive</source>
        <translation>加性</translation>
    </message>
    <message>
        <source>no mask</source>
        <translation>无掩码</translation>
    </message>
    <message>
        <source>causal mask</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <source>window mask</source>
        <translation>窗口掩码</translation>
    </message>
    <message>
        <source>causal window mask</source>
        <translation>因果窗口掩码</translation>
    </message>
    <message>
        <source>custom mask</source>
        <translation>自定义掩码</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>单位矩阵</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>X (embeddings)</source>
        <translation>X（嵌入）</translation>
    </message>
    <message>
        <source>W_Q (head %1)</source>
        <translation>W_Q（头 %1）</translation>
    </message>
    <message>
        <source>W_K (head %1)</source>
        <translation>W_K（头 %1）</translation>
    </message>
    <message>
        <source>W_V (head %1)</source>
        <translation>W_V（头 %1）</translation>
    </message>
    <message>
        <source>W_O</source>
        <translation>W_O</translation>
    </message>
    <message>
        <source>w (additive score, one row per head)</source>
        <translation>w（加性评分，每个头一行）</translation>
    </message>
    <message>
        <source>P (learned positional encoding)</source>
        <translation>P（可学习位置编码）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Head %1: “%2” attends to “%3”&lt;/b&gt;</source>
        <translation>&lt;b&gt;头 %1：“%2” 关注 “%3”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>scaled: %1 / √%2 = %1 / %3 = %4</source>
        <translation>缩放：%1 / √%2 = %1 / %3 = %4</translation>
    </message>
    <message>
        <source>cosine: %1 / (%2 × %3) = %4</source>
        <translation>余弦：%1 / (%2 × %3) = %4</translation>
    </message>
    <message>
        <source>additive: w · tanh(%1 + %2) = %3</source>
        <translation>加性：w · tanh(%1 + %2) = %3</translation>
    </message>
    <message>
        <source>temperature: S = %1 / %2 = %3</source>
        <translation>温度：S = %1 / %2 = %3</translation>
    </message>
    <message>
        <source>masked out by the %1: A = 0</source>
        <translation>被%1屏蔽：A = 0</translation>
    </message>
    <message>
        <source>exp(S − max) = exp(%1 − %2) = %3</source>
        <translation>exp(S − max) = exp(%1 − %2) = %3</translation>
    </message>
    <message>
        <source>row sum Σ exp = %1</source>
        <translation>行和 Σ exp = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;A = %1 / %2 = %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;A = %1 / %2 = %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;A = max(0, %1) = %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;A = max(0, %1) = %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>position pos (from 0)</source>
        <translation>位置 pos（从 0 起）</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>LN_f gain γ (final norm)</source>
        <translation>LN_f 增益 γ（最终层归一化）</translation>
    </message>
    <message>
        <source>LN_f bias β (final norm)</source>
        <translation>LN_f 偏置 β（最终层归一化）</translation>
    </message>
    <message>
        <source>W_U (unembedding)</source>
        <translation>W_U（反嵌入）</translation>
    </message>
    <message>
        <source>b_U (unembedding bias)</source>
        <translation>b_U（反嵌入偏置）</translation>
    </message>
    <message>
        <source>W_Q (%1)</source>
        <translation>W_Q（%1）</translation>
    </message>
    <message>
        <source>W_K (%1)</source>
        <translation>W_K（%1）</translation>
    </message>
    <message>
        <source>W_V (%1)</source>
        <translation>W_V（%1）</translation>
    </message>
    <message>
        <source>b_Q (%1)</source>
        <translation>b_Q（%1）</translation>
    </message>
    <message>
        <source>b_K (%1)</source>
        <translation>b_K（%1）</translation>
    </message>
    <message>
        <source>b_V (%1)</source>
        <translation>b_V（%1）</translation>
    </message>
    <message>
        <source>b_O</source>
        <translation>b_O</translation>
    </message>
    <message>
        <source>LN1 gain γ</source>
        <translation>LN1 增益 γ</translation>
    </message>
    <message>
        <source>LN1 bias β</source>
        <translation>LN1 偏置 β</translation>
    </message>
    <message>
        <source>LN2 gain γ</source>
        <translation>LN2 增益 γ</translation>
    </message>
    <message>
        <source>LN2 bias β</source>
        <translation>LN2 偏置 β</translation>
    </message>
    <message>
        <source>W_1 (FFN)</source>
        <translation>W_1（FFN）</translation>
    </message>
    <message>
        <source>b_1 (FFN)</source>
        <translation>b_1（FFN）</translation>
    </message>
    <message>
        <source>W_2 (FFN)</source>
        <translation>W_2（FFN）</translation>
    </message>
    <message>
        <source>b_2 (FFN)</source>
        <translation>b_2（FFN）</translation>
    </message>
    <message>
        <source>Block %1 · %2</source>
        <translation>块 %1 · %2</translation>
    </message>
    <message>
        <source>pre-norm (GPT-2)</source>
        <translation>前置归一化（GPT-2）</translation>
    </message>
    <message>
        <source>post-norm (2017)</source>
        <translation>后置归一化（2017）</translation>
    </message>
    <message>
        <source>no norm</source>
        <translation>无层归一化</translation>
    </message>
    <message>
        <source>GELU (erf)</source>
        <translation>GELU（erf）</translation>
    </message>
    <message>
        <source>GELU (tanh)</source>
        <translation>GELU（tanh）</translation>
    </message>
    <message>
        <source>mean and variance of each row</source>
        <translation>每行的均值和方差</translation>
    </message>
    <message>
        <source>logits, the columns of the %1 likeliest tokens after “%2”</source>
        <translation>logits：只列出 “%2” 之后最可能的 %1 个词元</translation>
    </message>
    <message>
        <source>next token</source>
        <translation>下一个词元</translation>
    </message>
    <message>
        <source>probability of the next token after “%1”</source>
        <translation>“%1” 之后下一个词元的概率</translation>
    </message>
    <message>
        <source>μ = (%1) / %2 = %3</source>
        <translation>μ = (%1) / %2 = %3</translation>
    </message>
    <message>
        <source>σ² = (%1) / %2 = %3</source>
        <translation>σ² = (%1) / %2 = %3</translation>
    </message>
    <message>
        <source>(x − μ) / √(σ² + ε) × γ + β = (%1 − %2) / √(%3 + %4) × %5 + %6 = %7</source>
        <translation>(x − μ) / √(σ² + ε) × γ + β = (%1 − %2) / √(%3 + %4) × %5 + %6 = %7</translation>
    </message>
    <message>
        <source>%1 + %2 = %3</source>
        <translation>%1 + %2 = %3</translation>
    </message>
    <message>
        <source>exp(logit − log Σ exp(logits)) = exp(%1 − %2)</source>
        <translation>exp(logit − log Σ exp(logits)) = exp(%1 − %2)</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>positional encoding (%1)</source>
        <translation>位置编码（%1）</translation>
    </message>
    <message>
        <source>input to the heads</source>
        <translation>各头的输入</translation>
    </message>
    <message>
        <source>input of block 1, H_0</source>
        <translation>第 1 块的输入，H_0</translation>
    </message>
    <message>
        <source>input of block %1: the output of block %2</source>
        <translation>第 %1 块的输入：第 %2 块的输出</translation>
    </message>
    <message>
        <source>layer norm 1, what the heads read</source>
        <translation>层归一化 1：各头读取的输入</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>multi-head attention, block %1</source>
        <translation>多头注意力，第 %1 块</translation>
    </message>
    <message>
        <source>residual sum after attention</source>
        <translation>注意力之后的残差和</translation>
    </message>
    <message>
        <source>layer norm 1 of the sum</source>
        <translation>对和做层归一化 1</translation>
    </message>
    <message>
        <source>layer norm 2, what the FFN reads</source>
        <translation>层归一化 2：FFN 读取的输入</translation>
    </message>
    <message>
        <source>feed-forward network, first layer (d_ff = %1)</source>
        <translation>前馈网络第一层（d_ff = %1）</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>activation %1: %2</source>
        <translation>激活函数 %1：%2</translation>
    </message>
    <message>
        <source>activation %1</source>
        <translation>激活函数 %1</translation>
    </message>
    <message>
        <source>feed-forward network, output</source>
        <translation>前馈网络的输出</translation>
    </message>
    <message>
        <source>residual sum after the FFN</source>
        <translation>FFN 之后的残差和</translation>
    </message>
    <message>
        <source>layer norm 2 of the sum: output of block %1</source>
        <translation>对和做层归一化 2：第 %1 块的输出</translation>
    </message>
    <message>
        <source>residual sum after the FFN: output of block %1</source>
        <translation>FFN 之后的残差和：第 %1 块的输出</translation>
    </message>
    <message>
        <source>output of block %1</source>
        <translation>第 %1 块的输出</translation>
    </message>
    <message>
        <source>final norm</source>
        <translation>最终层归一化</translation>
    </message>
    <message>
        <source>%1 × %2, %3 columns shown</source>
        <translation>%1 × %2，显示 %3 列</translation>
    </message>
    <message>
        <source>top %1 of %2</source>
        <translation>%2 个中的前 %1 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, token %2 “%3”&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1，词元 %2 “%3”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2, dimension %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 %2，第 %3 维&lt;/b&gt;</translation>
    </message>
    <message>
        <source>gain γ</source>
        <translation>增益 γ</translation>
    </message>
    <message>
        <source>bias β</source>
        <translation>偏置 β</translation>
    </message>
    <message>
        <source>a learned weight: %1</source>
        <translation>可学习的权重：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1, token %2 “%3”, dimension %4&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1，词元 %2 “%3”，第 %4 维&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;residual sum after attention, token %1 “%2”, dimension %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;注意力之后的残差和，词元 %1 “%2”，第 %3 维&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the block&apos;s input + MHA: %1</source>
        <translation>块的输入 + MHA：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;FFN, first layer, token %1 “%2”, unit %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;FFN 第一层，词元 %1 “%2”，单元 %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;activation %1, token %2 “%3”, unit %4&lt;/b&gt;</source>
        <translation>&lt;b&gt;激活函数 %1，词元 %2 “%3”，单元 %4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;FFN output, token %1 “%2”, dimension %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;FFN 输出，词元 %1 “%2”，第 %3 维&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;residual sum after the FFN, token %1 “%2”, dimension %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;FFN 之后的残差和，词元 %1 “%2”，第 %3 维&lt;/b&gt;</translation>
    </message>
    <message>
        <source>M + FFN: %1</source>
        <translation>M + FFN：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;logit of “%1” after token %2 “%3”&lt;/b&gt;</source>
        <translation>&lt;b&gt;词元 %2 “%3” 之后 “%1” 的 logit&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;probability that “%1” follows token %2 “%3”&lt;/b&gt;</source>
        <translation>&lt;b&gt;“%1” 紧跟在词元 %2 “%3” 之后的概率&lt;/b&gt;</translation>
    </message>
    <message>
        <source>E (token embeddings, one row per vocabulary token)</source>
        <translation>E（词元嵌入，词表中每个词元一行）</translation>
    </message>
    <message>
        <source>Every block × head — attention weights, %1</source>
        <translation>每个块 × 头 — 注意力权重，%1</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>块 %1</translation>
    </message>
    <message>
        <source>Block %1, head %2 — switched off</source>
        <translation>块 %1，头 %2 — 已关闭</translation>
    </message>
    <message>
        <source>Block %1, head %2</source>
        <translation>块 %1，头 %2</translation>
    </message>
    <message>
        <source>Next token after “%1” (token %2)</source>
        <translation>“%1” 之后的下一个词元（词元 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>queries, head %1</source>
        <translation>查询，头 %1</translation>
    </message>
    <message>
        <source>keys, head %1</source>
        <translation>键，头 %1</translation>
    </message>
    <message>
        <source>values, head %1</source>
        <translation>值，头 %1</translation>
    </message>
    <message>
        <source>scores, head %1</source>
        <translation>分数，头 %1</translation>
    </message>
    <message>
        <source>attention weights, head %1</source>
        <translation>注意力权重，头 %1</translation>
    </message>
    <message>
        <source>output of head %1</source>
        <translation>头 %1 的输出</translation>
    </message>
    <message>
        <source>heads side by side</source>
        <translation>各头拼接</translation>
    </message>
    <message>
        <source>output projection</source>
        <translation>输出投影</translation>
    </message>
    <message>
        <source>mean and variance of each row, for %1</source>
        <translation>%1 所用的每行均值和方差</translation>
    </message>
    <message>
        <source>gain and bias of %1</source>
        <translation>%1 的增益和偏置</translation>
    </message>
    <message>
        <source>gain and bias</source>
        <translation>增益和偏置</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Next-token predictions</source>
        <translation>下一个词元的预测</translation>
    </message>
    <message>
        <source>dim %1</source>
        <translation>维度 %1</translation>
    </message>
    <message>
        <source>Attention rollout over %1 blocks — 0.5·A + 0.5·I, rows summing to 1</source>
        <translation>%1 个块的注意力展开（rollout）— 0.5·A + 0.5·I，每行之和为 1</translation>
    </message>
    <message>
        <source>final state of token</source>
        <translation>词元的最终状态</translation>
    </message>
    <message>
        <source>input token</source>
        <translation>输入词元</translation>
    </message>
    <message>
        <source>Head roles — %1 blocks × %2 heads</source>
        <translation>头的角色 — %1 个块 × %2 个头</translation>
    </message>
    <message>
        <source>block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>前一个</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>汇聚（首词元）</translation>
    </message>
    <message>
        <source>induction</source>
        <translation>归纳</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>The block, from 1</source>
        <translation>块，从 1 起</translation>
    </message>
    <message>
        <source>The head, from 1</source>
        <translation>头，从 1 起</translation>
    </message>
    <message>
        <source>Mean over queries i ≥ 2 of a(i, i−1): attention to the token just before</source>
        <translation>对查询 i ≥ 2 求 a(i, i−1) 的平均：对紧邻前一个词元的注意力</translation>
    </message>
    <message>
        <source>Mean over queries of a(i, 1): attention parked on the first token</source>
        <translation>对所有查询求 a(i, 1) 的平均：停留在第一个词元上的注意力</translation>
    </message>
    <message>
        <source>Mean over the queries whose token occurred earlier (at j, with j + 1 &lt; i) of Σ a(i, j + 1), the weight on the tokens that followed it: the induction head&apos;s score. Only when a token repeats; type a sequence twice to see it</source>
        <translation>对其词元在前面出现过（位置 j，且 j + 1 &lt; i）的查询，求 Σ a(i, j + 1) 的平均，即对其后继词元的权重：归纳头的得分。仅当有词元重复时才有；把一段序列输入两遍即可看到</translation>
    </message>
    <message>
        <source>Mean over queries of Σ_j a(i, j)·|i − j|: how far back (or ahead) a head looks</source>
        <translation>对所有查询求 Σ_j a(i, j)·|i − j| 的平均：头向前（或向后）看多远</translation>
    </message>
    <message>
        <source>Mean over queries of −Σ_j a(i, j)·ln a(i, j), in nats: 0 looks at one token, ln n spreads evenly</source>
        <translation>对所有查询求 −Σ_j a(i, j)·ln a(i, j) 的平均（单位 nat）：0 表示只看一个词元，ln n 表示均匀分散</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>注意力展开（rollout）</translation>
    </message>
    <message>
        <source> — frames: %1</source>
        <translation> — 边框：%1</translation>
    </message>
    <message>
        <source> — frames: %1 (no token repeats)</source>
        <translation> — 边框：%1（没有重复的词元）</translation>
    </message>
    <message>
        <source>Block %1 — head lines, %2</source>
        <translation>块 %1 — 头连线，%2</translation>
    </message>
    <message>
        <source>every line; its strength is the weight</source>
        <translation>显示全部连线；线的深浅即权重</translation>
    </message>
    <message>
        <source>each query&apos;s strongest lines up to %1 % of its weight; strength = weight</source>
        <translation>每个查询只画最强的连线，直到占其权重的 %1 %；深浅 = 权重</translation>
    </message>
    <message>
        <source>Attention of patch %1 (row %2, column %3) over every patch</source>
        <translation>图块 %1（第 %2 行，第 %3 列）对所有图块的注意力</translation>
    </message>
    <message>
        <source>head %1 — most on %2 (%3)</source>
        <translation>头 %1 — 最关注 %2（%3）</translation>
    </message>
    <message>
        <source>LN_c gain γ</source>
        <translation>LN_c 增益 γ</translation>
    </message>
    <message>
        <source>LN_c bias β</source>
        <translation>LN_c 偏置 β</translation>
    </message>
    <message>
        <source>cross-attention %1</source>
        <translation>交叉注意力 %1</translation>
    </message>
    <message>
        <source>Encoder block %1 · %2</source>
        <translation>编码器第 %1 块 · %2</translation>
    </message>
    <message>
        <source>Encoder · %1</source>
        <translation>编码器 · %1</translation>
    </message>
    <message>
        <source>Encoder self-attention</source>
        <translation>编码器自注意力</translation>
    </message>
    <message>
        <source>Decoder self-attention (masked)</source>
        <translation>解码器自注意力（带掩码）</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>交叉注意力</translation>
    </message>
    <message>
        <source>The decoder reads the target. Each target token attends to itself and the tokens before it (causal mask), so that training on a whole sentence never shows a token what follows it.</source>
        <translation>解码器读取目标语句。每个目标词元只关注自身和之前的词元（因果掩码），这样在整句上训练时，任何词元都看不到它后面的内容。</translation>
    </message>
    <message>
        <source>Cross-attention: Q comes from the decoder (the target tokens, rows), K and V from the encoder&apos;s output E (the source tokens, columns): A = softmax(Q·Kᵀ/√d_k), Q = C·W_Q, K = E·W_K, V = E·W_V. Row i shows which source words target token i reads; every source token is allowed.</source>
        <translation>交叉注意力：Q 来自解码器（目标词元，行），K 和 V 来自编码器的输出 E（源词元，列）：A = softmax(Q·Kᵀ/√d_k)，Q = C·W_Q，K = E·W_K，V = E·W_V。第 i 行显示目标词元 i 读取哪些源词；所有源词元都允许关注。</translation>
    </message>
    <message>
        <source>Cross-attention: target × source</source>
        <translation>交叉注意力：目标 × 源</translation>
    </message>
    <message>
        <source>Decoder block %1, head %2 — masked self-attention</source>
        <translation>解码器第 %1 块，第 %2 头 — 带掩码的自注意力</translation>
    </message>
    <message>
        <source>Encoder block %1, head %2 — self-attention</source>
        <translation>编码器第 %1 块，第 %2 头 — 自注意力</translation>
    </message>
    <message>
        <source>Decoder block %1, head %2 — cross-attention</source>
        <translation>解码器第 %1 块，第 %2 头 — 交叉注意力</translation>
    </message>
    <message>
        <source>target token (query, from the decoder)</source>
        <translation>目标词元（查询，来自解码器）</translation>
    </message>
    <message>
        <source>source token (key, from the encoder&apos;s output)</source>
        <translation>源词元（键，来自编码器的输出）</translation>
    </message>
    <message>
        <source>Encoder–decoder attention</source>
        <translation>编码器–解码器注意力</translation>
    </message>
    <message>
        <source>The encoder reads the source. Each source token attends to every source token: Q, K and V all come from the encoder block&apos;s own input, A = softmax(Q·Kᵀ/√d_k), no mask.</source>
        <translation>编码器读取源语句。每个源词元关注所有源词元：Q、K、V 都来自编码器块自身的输入，A = softmax(Q·Kᵀ/√d_k)，无掩码。</translation>
    </message>
    <message>
        <source>Encoder block %1 — head lines, %2</source>
        <translation>编码器块 %1 — 头连线，%2</translation>
    </message>
    <message>
        <source>Block %1 — cross-attention lines: target (left) to source (right)</source>
        <translation>块 %1 — 交叉注意力连线：目标（左）到源（右）</translation>
    </message>
    <message>
        <source>%1, switched off (Z = 0)</source>
        <translation>%1，已关闭（Z = 0）</translation>
    </message>
    <message>
        <source>Training: loss and accuracy</source>
        <translation>训练：损失与准确率</translation>
    </message>
    <message>
        <source>Training on %1: loss and accuracy</source>
        <translation>训练任务 %1：损失与准确率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss (nats) · accuracy</source>
        <translation>损失（nat）· 准确率</translation>
    </message>
    <message>
        <source>loss (cross-entropy, nats)</source>
        <translation>损失（交叉熵，nat）</translation>
    </message>
    <message>
        <source>accuracy (share of targets predicted)</source>
        <translation>准确率（预测正确的目标所占比例）</translation>
    </message>
    <message>
        <source>prefix matching (induction)</source>
        <translation>前缀匹配（归纳）</translation>
    </message>
    <message>
        <source>previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <source>Each head&apos;s %1 score</source>
        <translation>各头的%1得分</translation>
    </message>
    <message>
        <source>score (0–1)</source>
        <translation>得分（0–1）</translation>
    </message>
    <message>
        <source>block %1 · head %2</source>
        <translation>块 %1 · 头 %2</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>av::AttentionPanel</name>
    <message>
        <source>Attention weights A</source>
        <translation>注意力权重 A</translation>
    </message>
    <message>
        <source>Scores S (before normalisation)</source>
        <translation>分数 S（归一化前）</translation>
    </message>
    <message>
        <source>One head</source>
        <translation>单个头</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>所有头</translation>
    </message>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Hover a cell to see how its number came about. With a custom mask, click cells to allow or block them.</source>
        <translation>将鼠标悬停在单元格上，可查看该数值是如何算出的。使用自定义掩码时，点击单元格可允许或屏蔽该位置。</translation>
    </message>
    <message>
        <source>Block </source>
        <translation>块 </translation>
    </message>
    <message>
        <source>The block of the stack whose heads are shown</source>
        <translation>要显示其各头的块</translation>
    </message>
    <message>
        <source>Block %1 · %2</source>
        <translation>块 %1 · %2</translation>
    </message>
    <message>
        <source> (switched off)</source>
        <translation> （已关闭）</translation>
    </message>
</context>
<context>
    <name>av::Autosave</name>
    <message>
        <source>%1: cannot be created</source>
        <translation>%1：无法创建</translation>
    </message>
    <message>
        <source>%1: cannot be locked</source>
        <translation>%1：无法锁定</translation>
    </message>
</context>
<context>
    <name>av::CommandLine</name>
    <message>
        <source>Session file (.attn.json) to open.</source>
        <translation>要打开的会话文件（.attn.json）。</translation>
    </message>
    <message>
        <source>No window: compute, dump, export or take a screenshot, then exit.</source>
        <translation>不显示窗口：计算、导出数据、导出图形或截图，然后退出。</translation>
    </message>
    <message>
        <source>Load a session file.</source>
        <translation>加载会话文件。</translation>
    </message>
    <message>
        <source>Tokens, split on white space.</source>
        <translation>词元，以空白分隔。</translation>
    </message>
    <message>
        <source>Model width d_model.</source>
        <translation>模型宽度 d_model。</translation>
    </message>
    <message>
        <source>Number of heads (must divide d_model).</source>
        <translation>头数（必须整除 d_model）。</translation>
    </message>
    <message>
        <source>Seed for derived embeddings and weights.</source>
        <translation>生成嵌入和权重所用的随机种子。</translation>
    </message>
    <message>
        <source>Positional encoding: none|sinusoidal.</source>
        <translation>位置编码：none|sinusoidal。</translation>
    </message>
    <message>
        <source>Base of the sinusoidal encoding (default 10000).</source>
        <translation>正弦位置编码的基数（默认 10000）。</translation>
    </message>
    <message>
        <source>Score function: scaled_dot|dot|cosine|additive.</source>
        <translation>打分函数：scaled_dot|dot|cosine|additive。</translation>
    </message>
    <message>
        <source>Mask: none|causal|window|causal_window.</source>
        <translation>掩码：none|causal|window|causal_window。</translation>
    </message>
    <message>
        <source>Radius of the window masks.</source>
        <translation>窗口掩码的半径。</translation>
    </message>
    <message>
        <source>Normalizer: softmax|relu.</source>
        <translation>归一化：softmax|relu。</translation>
    </message>
    <message>
        <source>Temperature (&gt; 0).</source>
        <translation>温度（&gt; 0）。</translation>
    </message>
    <message>
        <source>Interface language: en|zh_CN.</source>
        <translation>界面语言：en|zh_CN。</translation>
    </message>
    <message>
        <source>Start in presentation mode (full screen, large fonts); with --screenshot, render it.</source>
        <translation>以演示模式启动（全屏、大字号）；与 --screenshot 一起使用时，渲染该模式。</translation>
    </message>
    <message>
        <source>Open a demonstration: scaling|shuffle|relative-position|masks|cost|compare; with --screenshot, render its window.</source>
        <translation>打开一个演示：scaling|shuffle|relative-position|masks|cost|compare；与 --screenshot 一起使用时，渲染其窗口。</translation>
    </message>
    <message>
        <source>Write the session as built, every weight included.</source>
        <translation>写出构建好的会话，包含全部权重。</translation>
    </message>
    <message>
        <source>Write one file per figure into DIR.</source>
        <translation>把每幅图各写成一个文件，放入 DIR。</translation>
    </message>
    <message>
        <source>Format of exported figures: png|svg|pdf (default png).</source>
        <translation>导出图形的格式：png|svg|pdf（默认 png）。</translation>
    </message>
    <message>
        <source>Resolution of exported PNGs (default 144).</source>
        <translation>导出 PNG 的分辨率（默认 144）。</translation>
    </message>
    <message>
        <source>Width of exported figures in inches (default: each figure&apos;s own).</source>
        <translation>导出图形的宽度，单位英寸（默认：各图自身的宽度）。</translation>
    </message>
    <message>
        <source>Colour map of exported heatmaps: viridis|cividis|gray (default viridis; signed data stays blue-white-red).</source>
        <translation>导出热力图的配色：viridis|cividis|gray（默认 viridis；有正负号的数据保持蓝-白-红）。</translation>
    </message>
    <message>
        <source>Render the main window off screen at 1600×1000 to a PNG.</source>
        <translation>在屏幕外以 1600×1000 渲染主窗口，保存为 PNG。</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1600x1000).</source>
        <translation>--screenshot 的窗口大小（默认 1600x1000）。</translation>
    </message>
    <message>
        <source>Number of transformer blocks (default 1: a version 1 session).</source>
        <translation>Transformer 块的数量（默认 1：版本 1 的会话）。</translation>
    </message>
    <message>
        <source>Layer norms of every block: pre|post|none.</source>
        <translation>每个块的层归一化位置：pre|post|none。</translation>
    </message>
    <message>
        <source>Width d_ff of every block&apos;s feed-forward network (0: none).</source>
        <translation>每个块的前馈网络宽度 d_ff（0：无）。</translation>
    </message>
    <message>
        <source>Residual connections of every block: on|off.</source>
        <translation>每个块的残差连接：on|off。</translation>
    </message>
    <message>
        <source>Switch off head H of block L (both from 1), e.g. 1.2,2.1.</source>
        <translation>关闭第 L 块的第 H 个头（均从 1 开始），例如 1.2,2.1。</translation>
    </message>
    <message>
        <source>The block (from 1) whose attention the per-head figures show (default 1).</source>
        <translation>各头图形所显示注意力的块（从 1 开始，默认 1）。</translation>
    </message>
    <message>
        <source>Next-token predictions per token in a dump (default 10).</source>
        <translation>转储中每个词元保留的下一个词元预测数（默认 10）。</translation>
    </message>
    <message>
        <source>Write every intermediate matrix as a NumPy .npz archive.</source>
        <translation>将每一个中间矩阵写成 NumPy .npz 归档。</translation>
    </message>
    <message>
        <source>Write every intermediate matrix (dump v1; v2 for a version 2 session); - for standard output.</source>
        <translation>写出每一个中间矩阵（dump v1；版本 2 的会话为 v2）；- 表示标准输出。</translation>
    </message>
    <message>
        <source>Open the walkthrough at step N (1-11 for one attention layer; up to 40 for a block of a whole transformer); with --screenshot, render it.</source>
        <translation>在第 N 步打开逐步讲解（单个注意力层为 1-11；完整 Transformer 的块最多 40 步）；与 --screenshot 同用时渲染该步。</translation>
    </message>
    <message>
        <source>Open a GPT-2 checkpoint folder (config.json, model.safetensors, vocab.json, merges.txt).</source>
        <translation>打开 GPT-2 检查点文件夹（config.json、model.safetensors、vocab.json、merges.txt）。</translation>
    </message>
    <message>
        <source>Text split into tokens by the model&apos;s tokenizer (with --model), or on white space.</source>
        <translation>文本：（配合 --model）由模型的分词器切分为词元，否则按空白切分。</translation>
    </message>
    <message>
        <source>What a dump of a version 2 session is computed in: float32|float64 (default float32 for a model folder, float64 for a session file).</source>
        <translation>版本 2 会话的转储以何种精度计算：float32|float64（模型文件夹默认 float32，会话文件默认 float64）。</translation>
    </message>
    <message>
        <source>With a whole transformer: that view&apos;s tab in front, model-view|head-lines|predictions|rollout|head-roles|encoder-decoder; with --screenshot, render it.</source>
        <translation>打开完整 Transformer 时，把该视图的标签页置于最前：model-view|head-lines|predictions|rollout|head-roles|encoder-decoder；与 --screenshot 一起使用时渲染它。</translation>
    </message>
    <message>
        <source>Open a PNG or JPEG image: its patches, in reading order, are the tokens, each patch&apos;s RGB values (0-1) its embedding.</source>
        <translation>打开 PNG 或 JPEG 图像：按阅读顺序排列的图块就是词元，每个图块的 RGB 值（0-1）就是它的嵌入。</translation>
    </message>
    <message>
        <source>With --image: patches of P × P pixels (default 1, one pixel a token); d_model = 3·P² unless --d-model projects them.</source>
        <translation>与 --image 一起使用：图块为 P × P 像素（默认 1，每个像素一个词元）；d_model = 3·P²，除非用 --d-model 投影。</translation>
    </message>
    <message>
        <source>With --image: the patch (from 1, reading order) whose attention the image-attention figure shows (default: the middle one).</source>
        <translation>与 --image 一起使用：image-attention 图所显示其注意力的图块（从 1 起，按阅读顺序；默认取中间的图块）。</translation>
    </message>
    <message>
        <source>Training steps for --train (default 600).</source>
        <translation>--train 的训练步数（默认 600）。</translation>
    </message>
    <message>
        <source>Sequences per training step (default 16).</source>
        <translation>每个训练步的序列数（默认 16）。</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate for --train (default 0.003).</source>
        <translation>--train 所用 Adam 的学习率（默认 0.003）。</translation>
    </message>
    <message>
        <source>Train the session&apos;s model (or, without one, the task&apos;s default model) on a task: induction|copy|reverse|previous-token|text; with --headless.</source>
        <translation>在任务上训练会话的模型（没有会话时训练该任务的默认模型）：induction|copy|reverse|previous-token|text；需配合 --headless。</translation>
    </message>
    <message>
        <source>With --train text: the UTF-8 text file to train on, character by character.</source>
        <translation>与 --train text 一起使用：要逐字符训练的 UTF-8 文本文件。</translation>
    </message>
</context>
<context>
    <name>av::CompareDemo</name>
    <message>
        <source>Scaled vs unscaled scores</source>
        <translation>缩放与未缩放的分数</translation>
    </message>
    <message>
        <source>scaled: Q·Kᵀ / √d_k</source>
        <translation>缩放：Q·Kᵀ / √d_k</translation>
    </message>
    <message>
        <source>unscaled: Q·Kᵀ</source>
        <translation>未缩放：Q·Kᵀ</translation>
    </message>
    <message>
        <source>With vs without positional encoding</source>
        <translation>有无位置编码</translation>
    </message>
    <message>
        <source>with positional encoding</source>
        <translation>有位置编码</translation>
    </message>
    <message>
        <source>without positional encoding</source>
        <translation>无位置编码</translation>
    </message>
    <message>
        <source>Full vs causal mask</source>
        <translation>完整注意力与因果掩码</translation>
    </message>
    <message>
        <source>full attention</source>
        <translation>完整注意力</translation>
    </message>
    <message>
        <source>causal mask</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <source>Softmax vs ReLU</source>
        <translation>Softmax 与 ReLU</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>The same session computed twice, with one setting changed. Right: the difference of the two weight matrices (red: the first setting gives more weight, blue: less).</source>
        <translation>同一会话计算两次，只改变一项设置。右图：两个权重矩阵之差（红色：第一种设置给出的权重更大；蓝色：更小）。</translation>
    </message>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>A — %1</source>
        <translation>A — %1</translation>
    </message>
    <message>
        <source>Difference: first − second</source>
        <translation>差值：第一种 − 第二种</translation>
    </message>
    <message>
        <source>Head %1: max |ΔA| = %2</source>
        <translation>头 %1：max |ΔA| = %2</translation>
    </message>
</context>
<context>
    <name>av::ComputingIndicator</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>The views show the previous numbers until the new pass is computed.</source>
        <translation>新的一次计算完成之前，各视图显示的是上一次的数值。</translation>
    </message>
</context>
<context>
    <name>av::CostDemo</name>
    <message>
        <source>Per layer over n positions of width d (Vaswani et al. 2017, table 1). Self-attention costs n²·d but connects any two positions in one step and runs all positions at once; it is cheaper than a recurrent layer while n &lt; d. A recurrent layer must take n steps one after another, and a signal crosses n − 1 of them. A convolution of kernel k needs a stack of layers to connect distant positions.</source>
        <translation>每层的开销，输入为 n 个宽度为 d 的位置（Vaswani 等，2017，表 1）。自注意力的运算量为 n²·d，但一步就能连接任意两个位置，且所有位置同时计算；当 n &lt; d 时它比循环层更便宜。循环层必须依次执行 n 步，信号要跨越其中 n − 1 步。核大小为 k 的卷积需要堆叠多层才能连接相距较远的位置。</translation>
    </message>
    <message>
        <source>n = </source>
        <translation>n = </translation>
    </message>
    <message>
        <source>Sequence length for the table (follows the session&apos;s tokens)</source>
        <translation>表格所用的序列长度（跟随会话的词元）</translation>
    </message>
    <message>
        <source>d = </source>
        <translation>d = </translation>
    </message>
    <message>
        <source>Width of the representation (follows the session&apos;s d_model)</source>
        <translation>表示的宽度（跟随会话的 d_model）</translation>
    </message>
    <message>
        <source>kernel k = </source>
        <translation>卷积核 k = </translation>
    </message>
    <message>
        <source>curves up to n = </source>
        <translation>曲线上限 n = </translation>
    </message>
    <message>
        <source>Operations per layer</source>
        <translation>每层运算量</translation>
    </message>
    <message>
        <source>Sequential steps</source>
        <translation>顺序步数</translation>
    </message>
    <message>
        <source>Maximum path length</source>
        <translation>最大路径长度</translation>
    </message>
    <message>
        <source>Self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <source>Convolution (kernel k)</source>
        <translation>卷积（核大小 k）</translation>
    </message>
    <message>
        <source>Dilated convolution</source>
        <translation>空洞卷积</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环层</translation>
    </message>
    <message>
        <source>self-attention n²·d</source>
        <translation>自注意力 n²·d</translation>
    </message>
    <message>
        <source>convolution k·n·d²</source>
        <translation>卷积 k·n·d²</translation>
    </message>
    <message>
        <source>recurrent n·d²</source>
        <translation>循环层 n·d²</translation>
    </message>
    <message>
        <source>Operations per layer at d = %1, k = %2: self-attention is cheaper than recurrence while n &lt; d</source>
        <translation>d = %1、k = %2 时每层的运算量：n &lt; d 时自注意力比循环层更便宜</translation>
    </message>
    <message>
        <source>sequence length n</source>
        <translation>序列长度 n</translation>
    </message>
    <message>
        <source>operations (multiply–adds)</source>
        <translation>运算量（乘加次数）</translation>
    </message>
</context>
<context>
    <name>av::DemosWindow</name>
    <message>
        <source>Demonstrations — AttnViz</source>
        <translation>原理演示 — AttnViz</translation>
    </message>
    <message>
        <source>Why scale by √d_k</source>
        <translation>为何除以 √d_k</translation>
    </message>
    <message>
        <source>Why positional encoding</source>
        <translation>为何需要位置编码</translation>
    </message>
    <message>
        <source>Relative position</source>
        <translation>相对位置</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>计算开销</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
</context>
<context>
    <name>av::Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Change title</source>
        <translation>修改标题</translation>
    </message>
    <message>
        <source>Edit tokens</source>
        <translation>编辑词元</translation>
    </message>
    <message>
        <source>d_model must be between 1 and %1</source>
        <translation>d_model 必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <source>d_model %1 is not divisible by %2 heads</source>
        <translation>d_model %1 不能被 %2 个头整除</translation>
    </message>
    <message>
        <source>Change d_model to %1</source>
        <translation>将 d_model 改为 %1</translation>
    </message>
    <message>
        <source>%1 heads do not divide d_model %2</source>
        <translation>%1 个头不能整除 d_model %2</translation>
    </message>
    <message>
        <source>Change heads to %1</source>
        <translation>将头数改为 %1</translation>
    </message>
    <message>
        <source>Change seed to %1</source>
        <translation>将随机种子改为 %1</translation>
    </message>
    <message>
        <source>Positional encoding: %1</source>
        <translation>位置编码：%1</translation>
    </message>
    <message>
        <source>Positional encoding base %1</source>
        <translation>位置编码基数 %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>评分函数：%1</translation>
    </message>
    <message>
        <source>Temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation>掩码：%1</translation>
    </message>
    <message>
        <source>Mask radius %1</source>
        <translation>掩码半径 %1</translation>
    </message>
    <message>
        <source>Toggle mask cell (%1, %2)</source>
        <translation>切换掩码单元 (%1, %2)</translation>
    </message>
    <message>
        <source>Normalizer: %1</source>
        <translation>归一化：%1</translation>
    </message>
    <message>
        <source>Edit %1 (%2, %3)</source>
        <translation>编辑 %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Re-initialise %1 (%2)</source>
        <translation>重新初始化 %1（%2）</translation>
    </message>
    <message>
        <source>A whole transformer keeps its d_model; set it on the command line (--d-model with --layers)</source>
        <translation>完整 Transformer 的 d_model 不能在此修改；请在命令行中设置（--d-model 与 --layers 一起使用）</translation>
    </message>
    <message>
        <source>A whole transformer keeps its heads; set them on the command line (--heads with --layers)</source>
        <translation>完整 Transformer 的头数不能在此修改；请在命令行中设置（--heads 与 --layers 一起使用）</translation>
    </message>
    <message>
        <source>Blocks: %1</source>
        <translation>块数：%1</translation>
    </message>
    <message>
        <source>Norm: %1</source>
        <translation>层归一化：%1</translation>
    </message>
    <message>
        <source>No feed-forward network</source>
        <translation>去掉前馈网络</translation>
    </message>
    <message>
        <source>FFN width %1</source>
        <translation>FFN 宽度 %1</translation>
    </message>
    <message>
        <source>Activation: %1</source>
        <translation>激活函数：%1</translation>
    </message>
    <message>
        <source>Residual on</source>
        <translation>开启残差连接</translation>
    </message>
    <message>
        <source>Residual off</source>
        <translation>关闭残差连接</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>编辑文本</translation>
    </message>
    <message>
        <source>%1: the model folder&apos;s tokeniser cannot be read any more; the text stays as it was</source>
        <translation>%1：无法再读取模型文件夹的分词器；文本保持不变</translation>
    </message>
    <message>
        <source>cross-attention block %1 head %2</source>
        <translation>交叉注意力第 %1 块第 %2 头</translation>
    </message>
    <message>
        <source>encoder block %1 head %2</source>
        <translation>编码器第 %1 块第 %2 头</translation>
    </message>
    <message>
        <source>block %1 head %2</source>
        <translation>第 %1 块第 %2 头</translation>
    </message>
    <message>
        <source>Switch off %1</source>
        <translation>关闭%1</translation>
    </message>
    <message>
        <source>Switch on %1</source>
        <translation>开启%1</translation>
    </message>
    <message>
        <source>Pause the training run first: this edit changes the whole model.</source>
        <translation>请先暂停训练：此编辑会改变整个模型。</translation>
    </message>
</context>
<context>
    <name>av::EncoderDecoderPanel</name>
    <message>
        <source>Which attention to show: the encoder&apos;s over the source, the decoder&apos;s over the target, or the decoder&apos;s over the encoder</source>
        <translation>显示哪种注意力：编码器对源语句的、解码器对目标语句的，或解码器对编码器的</translation>
    </message>
    <message>
        <source>Block </source>
        <translation>块 </translation>
    </message>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>%1, block %2, head %3</source>
        <translation>%1，第 %2 块，第 %3 头</translation>
    </message>
    <message>
        <source>Click: show this head large.</source>
        <translation>单击：放大显示这个头。</translation>
    </message>
    <message>
        <source>Export this head…</source>
        <translation>导出这个头…</translation>
    </message>
    <message>
        <source>Export every block × head…</source>
        <translation>导出所有块 × 头…</translation>
    </message>
    <message>
        <source>Copy this head</source>
        <translation>复制这个头</translation>
    </message>
    <message>
        <source>Copy every block × head</source>
        <translation>复制所有块 × 头</translation>
    </message>
    <message>
        <source>Export all figures…</source>
        <translation>导出所有图…</translation>
    </message>
    <message>
        <source>Open an encoder–decoder session to see its three kinds of attention apart: File ▸ Lessons, the translation lesson.</source>
        <translation>打开一个编码器–解码器会话，分别查看它的三种注意力：文件 ▸ 课程，翻译课程。</translation>
    </message>
    <message>
        <source>%1, block %2, head %3 — switched off</source>
        <translation>%1，块 %2，头 %3 — 已关闭</translation>
    </message>
    <message>
        <source>Right-click: switch it on again.</source>
        <translation>右键：重新开启它。</translation>
    </message>
    <message>
        <source>Right-click: switch it off.</source>
        <translation>右键：关闭它。</translation>
    </message>
    <message>
        <source>Switch head on</source>
        <translation>开启此头</translation>
    </message>
    <message>
        <source>Switch head off</source>
        <translation>关闭此头</translation>
    </message>
</context>
<context>
    <name>av::ExportController</name>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG（矢量）</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation>PNG 分辨率</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>%1: the figure could not be drawn</source>
        <translation>%1：无法绘制该图表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export all figures into</source>
        <translation>将所有图表导出到</translation>
    </message>
    <message>
        <source>Exporting figures…</source>
        <translation>正在导出图表…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export numbers as CSV</source>
        <translation>将数值导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Copy figure</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Export numbers as CSV…</source>
        <translation>将数值导出为 CSV…</translation>
    </message>
    <message>
        <source>Export all figures…</source>
        <translation>导出所有图表…</translation>
    </message>
    <message>
        <source> in</source>
        <translation> 英寸</translation>
    </message>
    <message>
        <source>the figure&apos;s own</source>
        <translation>图表原始宽度</translation>
    </message>
    <message>
        <source>Width of the figure; the height keeps its proportions. Text keeps its size in points.</source>
        <translation>图表宽度；高度按比例缩放。文字保持原有的磅值。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
</context>
<context>
    <name>av::HeadGridView</name>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>av::HeadLinesPanel</name>
    <message>
        <source>The block whose heads are drawn (the other panels show it too)</source>
        <translation>要绘制其各头的块（其他面板也显示该块）</translation>
    </message>
    <message>
        <source>Each query&apos;s lines, strongest first, until they hold this share of its weight; weaker lines are left out so that long inputs stay readable (100 %: every line)</source>
        <translation>每个查询的连线按强弱依次保留，直到占其权重的这一比例；更弱的连线被省略，使长输入依然清晰（100 %：全部连线）</translation>
    </message>
    <message>
        <source>Lines: %1 % of each row</source>
        <translation>连线：每行的 %1 %</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Hover a token: only its lines; click: keep them. Ctrl+wheel zooms.</source>
        <translation>悬停在词元上：只显示它的连线；单击：保持显示。Ctrl+滚轮缩放。</translation>
    </message>
    <message>
        <source>Open a version 2 session (a whole transformer) to see each head&apos;s attention as lines from token to token: File ▸ Lessons, e.g. the small GPT-2 stack.</source>
        <translation>打开第 2 版会话（完整的 Transformer），即可把每个头的注意力看作词元之间的连线：文件 ▸ 课程，例如小型 GPT-2 堆叠。</translation>
    </message>
</context>
<context>
    <name>av::HeadLinesView</name>
    <message>
        <source>%1 faintest lines near the view left out; hover a token for all its lines</source>
        <translation>视图附近最淡的 %1 条连线已省略；悬停在词元上可看到它的全部连线</translation>
    </message>
    <message>
        <source>%1 (switched off: its output Z is 0, its lines are dashed)</source>
        <translation>%1（已关闭：其输出 Z 为 0，连线画成虚线）</translation>
    </message>
    <message>
        <source>Query %1: “%2”. Hover: only its lines and, right, each head&apos;s weight on every key; click to keep them.</source>
        <translation>查询 %1：“%2”。悬停：只显示它的连线，右侧小方块为各头对每个键的权重；单击保持显示。</translation>
    </message>
    <message>
        <source>Key %1: “%2”. Hover: only the lines to it and, left, each head&apos;s weight from every query; click to keep them.</source>
        <translation>键 %1：“%2”。悬停：只显示指向它的连线，左侧小方块为各头来自每个查询的权重；单击保持显示。</translation>
    </message>
    <message>
        <source>Click: hide or show. Double-click: this head alone.</source>
        <translation>单击：隐藏或显示。双击：只显示这个头。</translation>
    </message>
</context>
<context>
    <name>av::HeadRolesPanel</name>
    <message>
        <source>Open a version 2 session (a whole transformer) to rank its heads by what they do: File ▸ Lessons, e.g. the small GPT-2 stack.</source>
        <translation>打开版本 2 会话（完整的 Transformer），即可按作用给各头排序：文件 ▸ 课程，例如小型 GPT-2 堆叠。</translation>
    </message>
    <message>
        <source>Click a column&apos;s header to sort by it; double-click a row to show that head in the attention view.</source>
        <translation>点击列标题按该列排序；双击一行即可在注意力视图中显示该头。</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>No token of the input has an earlier copy with a token after it (before the token itself): type a sequence twice to see this score.</source>
        <translation>输入中没有哪个词元在前面出现过且其后还有词元（位于该词元之前）：把一段序列输入两遍即可看到这个得分。</translation>
    </message>
</context>
<context>
    <name>av::HeatmapPlot</name>
    <message>
        <source>No tokens — type a sentence</source>
        <translation>没有词元 — 请输入一个句子</translation>
    </message>
</context>
<context>
    <name>av::ImageAttentionView</name>
    <message>
        <source>Click a patch to see its attention over the image</source>
        <translation>单击一个图块，查看它在整幅图像上的注意力</translation>
    </message>
</context>
<context>
    <name>av::ImageDock</name>
    <message>
        <source>Picture</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>打开图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Open an image: its patches become the tokens</source>
        <translation>打开图像：它的图块成为词元</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>图块大小</translation>
    </message>
    <message>
        <source>Pixels a patch side (1: one pixel a token; each patch&apos;s R, G, B values are its embedding, d_model = 3·P²):</source>
        <translation>图块边长（像素；1：每个像素一个词元；每个图块的 R、G、B 值就是它的嵌入，d_model = 3·P²）：</translation>
    </message>
    <message>
        <source>Could not open the image</source>
        <translation>无法打开图像</translation>
    </message>
</context>
<context>
    <name>av::ImagePanel</name>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>File ▸ Open Image… makes a session whose tokens are an image&apos;s patches; this view then shows the image, and a click on a patch its attention.</source>
        <translation>文件 ▸ 打开图像… 会创建一个以图像图块为词元的会话；此视图随后显示该图像，单击图块即可看到它的注意力。</translation>
    </message>
    <message>
        <source>Export every head&apos;s picture…</source>
        <translation>导出所有头的图片…</translation>
    </message>
    <message>
        <source>Export this picture…</source>
        <translation>导出这张图片…</translation>
    </message>
    <message>
        <source>Copy every head&apos;s picture</source>
        <translation>复制所有头的图片</translation>
    </message>
    <message>
        <source>Copy this picture</source>
        <translation>复制这张图片</translation>
    </message>
</context>
<context>
    <name>av::InputPanel</name>
    <message>
        <source>Choose a lesson…</source>
        <translation>选择课程…</translation>
    </message>
    <message>
        <source>Type a sentence; tokens are split on spaces</source>
        <translation>输入一个句子；按空格切分为词元</translation>
    </message>
    <message>
        <source>The tokens, in order; each becomes one row of X</source>
        <translation>按顺序排列的词元；每个词元成为 X 的一行</translation>
    </message>
    <message>
        <source>Width of each embedding; must be divisible by the number of heads</source>
        <translation>每个嵌入的宽度；必须能被头数整除</translation>
    </message>
    <message>
        <source>Number of heads; each has width d_k = d_model / heads</source>
        <translation>头数；每个头的宽度 d_k = d_model / 头数</translation>
    </message>
    <message>
        <source>Seed for the derived embeddings and weights; changing it derives them again</source>
        <translation>生成嵌入和权重的随机种子；修改后会重新生成</translation>
    </message>
    <message>
        <source>S = score / temperature: below 1 sharpens the weights, above 1 flattens them</source>
        <translation>S = 分数 / 温度：小于 1 使权重更尖锐，大于 1 使权重更平缓</translation>
    </message>
    <message>
        <source>Custom: click cells of the attention heatmap to allow or block them</source>
        <translation>自定义：点击注意力热力图的单元格来允许或屏蔽</translation>
    </message>
    <message>
        <source>Window radius r: query i sees keys j with |i − j| ≤ r</source>
        <translation>窗口半径 r：查询 i 只能看到满足 |i − j| ≤ r 的键 j</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基数</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分函数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Normalizer</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>No tokens: type a sentence to see its attention.</source>
        <translation>没有词元：输入一个句子即可查看它的注意力。</translation>
    </message>
    <message>
        <source>Only the first %1 tokens are used.</source>
        <translation>只使用前 %1 个词元。</translation>
    </message>
    <message>
        <source>Token %1: row %1 of X</source>
        <translation>词元 %1：X 的第 %1 行</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens: the rest of the text is left out.</source>
        <translation>模型最多读取 %1 个词元：其余文本被略去。</translation>
    </message>
    <message>
        <source>Type a text; GPT-2&apos;s tokeniser splits it</source>
        <translation>输入一段文本，由 GPT-2 的分词器切分</translation>
    </message>
    <message>
        <source>%1 tokens of at most %2 (GPT-2&apos;s tokeniser; ␣ is a space)</source>
        <translation>%1 个词元，最多 %2 个（GPT-2 分词器；␣ 表示空格）</translation>
    </message>
</context>
<context>
    <name>av::Language</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The interface language changes when AttnViz starts again. Restart now?</source>
        <translation>界面语言将在 AttnViz 重新启动后生效。现在重启吗？</translation>
    </message>
</context>
<context>
    <name>av::MainWindow</name>
    <message>
        <source>AttnViz sessions (*.attn.json *.json)</source>
        <translation>AttnViz 会话 (*.attn.json *.json)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>计算流程</translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>Head summary</source>
        <translation>各头概览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export &amp;all figures…</source>
        <translation>导出所有图表(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AttnViz</source>
        <translation>关于 AttnViz(&amp;A)</translation>
    </message>
    <message>
        <source>About AttnViz</source>
        <translation>关于 AttnViz</translation>
    </message>
    <message>
        <source>&lt;b&gt;AttnViz %1&lt;/b&gt;&lt;p&gt;See, edit and export every step of multi-head self-attention.&lt;/p&gt;</source>
        <translation>&lt;b&gt;AttnViz %1&lt;/b&gt;&lt;p&gt;查看、编辑和导出多头自注意力的每一步。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 tokens · d_model %2 · %3 heads · d_k %4</source>
        <translation>%1 个词元 · d_model %2 · %3 个头 · d_k %4</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1” 有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Could not open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>&amp;Demonstrations</source>
        <translation>原理演示(&amp;D)</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>逐步讲解</translation>
    </message>
    <message>
        <source>Open &amp;Model Folder…</source>
        <translation>打开模型文件夹(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a GPT-2 model folder (config.json, model.safetensors, vocab.json, merges.txt)</source>
        <translation>打开 GPT-2 模型文件夹（config.json、model.safetensors、vocab.json、merges.txt）</translation>
    </message>
    <message>
        <source>computed in float64</source>
        <translation>以 float64 计算</translation>
    </message>
</context>
<context>
    <name>av::MasksDemo</name>
    <message>
        <source>A mask decides which keys each query may see; the weights of the others are 0 (hatched) and the rest are renormalised. Causal: a model that writes left to right, like GPT-2, must not look at words it has not written yet. Window (truncated attention): long inputs such as speech frames attend to their neighbours only, so the cost grows with n instead of n².</source>
        <translation>掩码决定每个查询可以看到哪些键；其余键的权重为 0（画斜线处），剩下的权重重新归一化。因果掩码：像 GPT-2 这样从左到右生成的模型，不能看到它还没写出的词。窗口掩码（截断注意力）：语音帧等长输入只关注相邻位置，因此开销随 n 而不是 n² 增长。</translation>
    </message>
    <message>
        <source>window radius r = </source>
        <translation>窗口半径 r = </translation>
    </message>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Full attention (encoders, BERT)</source>
        <translation>完整注意力（编码器，BERT）</translation>
    </message>
    <message>
        <source>Causal attention (GPT-2)</source>
        <translation>因果注意力（GPT-2）</translation>
    </message>
    <message>
        <source>Window, r = %1 (truncated attention, speech)</source>
        <translation>窗口，r = %1（截断注意力，语音）</translation>
    </message>
    <message>
        <source>every token sees every token</source>
        <translation>每个词元都能看到所有词元</translation>
    </message>
    <message>
        <source>token i sees tokens 0 … i: generation never peeks ahead</source>
        <translation>词元 i 只看到词元 0 … i：生成时从不偷看后文</translation>
    </message>
    <message>
        <source>token i sees i − %1 … i + %1: cost grows as n·(2r + 1)</source>
        <translation>词元 i 看到 i − %1 … i + %1：开销按 n·(2r + 1) 增长</translation>
    </message>
    <message>
        <source>%1 of %2 query–key pairs computed; %3.</source>
        <translation>计算了 %2 个查询–键对中的 %1 个；%3。</translation>
    </message>
    <message>
        <source>%1 — head %2</source>
        <translation>%1 — 头 %2</translation>
    </message>
</context>
<context>
    <name>av::MatrixEditor</name>
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
</context>
<context>
    <name>av::MatrixModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Type a value, drag up or down, or turn the wheel to change it (Shift ×10, Ctrl ÷10).
Alt+wheel scrolls the table.</source>
        <translation>输入数值、上下拖动或滚动滚轮即可修改（Shift ×10，Ctrl ÷10）。
Alt+滚轮可滚动表格。</translation>
    </message>
</context>
<context>
    <name>av::ModelDocks</name>
    <message>
        <source>Model view</source>
        <translation>模型总览</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>注意力展开</translation>
    </message>
    <message>
        <source>Head roles</source>
        <translation>头的角色</translation>
    </message>
    <message>
        <source>Head lines</source>
        <translation>头连线</translation>
    </message>
    <message>
        <source>Encoder–decoder</source>
        <translation>编码器–解码器</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>av::ModelOptionsBox</name>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>The block the attention, pipeline, walkthrough and summary show</source>
        <translation>注意力、计算流程、逐步讲解和各头概览所显示的块</translation>
    </message>
    <message>
        <source>Blocks in the stack; new ones copy the last one&apos;s structure, their weights derived from the seed</source>
        <translation>堆叠中的块数；新增的块沿用最后一块的结构，其权重由随机种子生成</translation>
    </message>
    <message>
        <source>Pre-norm: H + MHA(LN(H)); post-norm: LN(H + MHA(H)); every block</source>
        <translation>前置归一化：H + MHA(LN(H))；后置归一化：LN(H + MHA(H))；作用于每个块</translation>
    </message>
    <message>
        <source>no FFN</source>
        <translation>无 FFN</translation>
    </message>
    <message>
        <source>d_ff of every block&apos;s FFN(M) = act(M·W_1 + b_1)·W_2 + b_2; 0: no FFN</source>
        <translation>每个块的 FFN(M) = act(M·W_1 + b_1)·W_2 + b_2 的宽度 d_ff；0：无 FFN</translation>
    </message>
    <message>
        <source>Each block adds its input to what attention and the FFN compute from it</source>
        <translation>每个块把自己的输入加到注意力和 FFN 由它算出的结果上</translation>
    </message>
    <message>
        <source>Block shown</source>
        <translation>显示的块</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Norm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <source>FFN width</source>
        <translation>FFN 宽度</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Residual connections</source>
        <translation>残差连接</translation>
    </message>
</context>
<context>
    <name>av::ModelViewPanel</name>
    <message>
        <source>Open a version 2 session (a whole transformer) to see every block and head at once: File ▸ Lessons, e.g. the small GPT-2 stack.</source>
        <translation>打开版本 2 的会话（完整的 Transformer），即可同时看到每个块和每个头：文件 ▸ 课程，例如小型 GPT-2 堆叠。</translation>
    </message>
    <message>
        <source>Block %1, head %2 — switched off</source>
        <translation>块 %1，头 %2 — 已关闭</translation>
    </message>
    <message>
        <source>Block %1, head %2</source>
        <translation>块 %1，头 %2</translation>
    </message>
    <message>
        <source>Click: show this head in the attention view.</source>
        <translation>单击：在注意力视图中显示这个头。</translation>
    </message>
    <message>
        <source>Right-click: switch it on again.</source>
        <translation>右键：重新开启它。</translation>
    </message>
    <message>
        <source>Right-click: switch it off.</source>
        <translation>右键：关闭它。</translation>
    </message>
    <message>
        <source>Switch head on</source>
        <translation>开启此头</translation>
    </message>
    <message>
        <source>Switch head off</source>
        <translation>关闭此头</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Copy figure</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Export all figures…</source>
        <translation>导出所有图表…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Draw each head&apos;s frame as thick as its score: the widest frame is the highest score of all heads</source>
        <translation>按得分绘制每个头的边框粗细：最粗的边框对应所有头中的最高分</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>边框</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>av::NumberParser</name>
    <message>
        <source>Type a number (the input is empty)</source>
        <translation>请输入一个数（输入为空）</translation>
    </message>
    <message>
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限数</translation>
    </message>
    <message>
        <source>%1 is not a number: use one decimal separator, as in 0.5 or 0,5</source>
        <translation>%1 不是数字：只能有一个小数分隔符，如 0.5 或 0,5</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is too large (a double holds at most ±1.8e308)</source>
        <translation>%1 太大（double 最大只能表示 ±1.8e308）</translation>
    </message>
</context>
<context>
    <name>av::PipelinePanel</name>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Every step of the pass, in order. Per-head steps for</source>
        <translation>前向计算的每一步，按顺序排列。逐头步骤显示</translation>
    </message>
</context>
<context>
    <name>av::PlotView</name>
    <message>
        <source>Nothing to plot</source>
        <translation>没有可绘制的内容</translation>
    </message>
</context>
<context>
    <name>av::PositionalPanel</name>
    <message>
        <source>How many positions the figures show (the sentence may have fewer)</source>
        <translation>图中显示的位置数（句子可能更短）</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>位置数</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Positional encoding, d_model = %1, base = %2</source>
        <translation>位置编码，d_model = %1，基数 = %2</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>e.g. 7-10 or 1 3 5</source>
        <translation>例如 7-10 或 1 3 5</translation>
    </message>
    <message>
        <source>Dimensions to draw, counted from 1: odd ones (1, 3, …) are sines, even ones cosines</source>
        <translation>要绘制的维度，从 1 起计数：奇数维（1、3、…）为正弦，偶数维为余弦</translation>
    </message>
    <message>
        <source>Learned positional encoding, d_model = %1 (its first %2 rows)</source>
        <translation>可学习位置编码，d_model = %1（前 %2 行）</translation>
    </message>
</context>
<context>
    <name>av::PredictionsPanel</name>
    <message>
        <source>The token after which the model predicts the next one</source>
        <translation>模型在这个词元之后预测下一个词元</translation>
    </message>
    <message>
        <source>After token</source>
        <translation>在词元之后</translation>
    </message>
    <message>
        <source>p = softmax of the logits H_f · U + b_U of the chosen token&apos;s row</source>
        <translation>p = 所选词元那一行 logits H_f · U + b_U 的 softmax</translation>
    </message>
    <message>
        <source>Open a version 2 session (a whole transformer) with a vocabulary to see which token it predicts next: File ▸ Lessons, e.g. the small GPT-2 stack.</source>
        <translation>打开带词表的版本 2 会话（完整的 Transformer），即可看到它预测的下一个词元：文件 ▸ 课程，例如小型 GPT-2 堆叠。</translation>
    </message>
    <message>
        <source>This model has no vocabulary and unembedding, so it predicts no next token. Its blocks are in the model view.</source>
        <translation>这个模型没有词表和反嵌入，因此不预测下一个词元。它的各个块在模型总览中。</translation>
    </message>
    <message>
        <source>probability of the next token</source>
        <translation>下一个词元的概率</translation>
    </message>
</context>
<context>
    <name>av::Presentation</name>
    <message>
        <source>&amp;Present</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large fonts for a projector (F5; Esc leaves)</source>
        <translation>全屏大字体，适合投影仪（F5；Esc 退出）</translation>
    </message>
    <message>
        <source>&amp;Viridis (default)</source>
        <translation>&amp;Viridis（默认）</translation>
    </message>
    <message>
        <source>&amp;Cividis (colour-blind safe)</source>
        <translation>&amp;Cividis（色盲友好）</translation>
    </message>
    <message>
        <source>&amp;Grey (for printing)</source>
        <translation>灰度（适合打印）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Colour map</source>
        <translation>颜色映射(&amp;C)</translation>
    </message>
</context>
<context>
    <name>av::Recovery</name>
    <message>
        <source>%1: the session file is missing</source>
        <translation>%1：会话文件不存在</translation>
    </message>
    <message>
        <source>Recovery file discarded</source>
        <translation>已丢弃恢复文件</translation>
    </message>
    <message>
        <source>Unsaved work from a previous run could not be read and was discarded:
%1</source>
        <translation>上次运行中未保存的工作无法读取，已丢弃：
%1</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>AttnViz did not close properly. Restore the unsaved work from %1 (%2)?</source>
        <translation>AttnViz 上次未正常关闭。要恢复 %1 时未保存的工作（%2）吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>av::RecoveryEntry</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>av::RelativePositionDemo</name>
    <message>
        <source>The sinusoidal encoding pairs a sine and a cosine of the same frequency ω_i. Moving k positions on rotates each pair by the angle k·ω_i, whatever the position: PE(pos + k) = M_k · PE(pos) with one matrix M_k for every pos. A head can therefore learn a linear map that looks &quot;k tokens back&quot; anywhere in the sentence.</source>
        <translation>正弦位置编码把同一频率 ω_i 的正弦和余弦配成一对。向后移动 k 个位置，就是把每一对旋转角度 k·ω_i，与所在位置无关：PE(pos + k) = M_k · PE(pos)，所有 pos 共用同一个矩阵 M_k。因此一个头可以学到一个线性映射，在句子中任何位置都能“回看 k 个词元”。</translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>d_model = </source>
        <translation>d_model = </translation>
    </message>
    <message>
        <source>Even: every sine has its cosine. Follows the session&apos;s d_model, rounded up to even.</source>
        <translation>取偶数：每个正弦都有对应的余弦。跟随会话的 d_model，向上取偶数。</translation>
    </message>
    <message>
        <source>pos = </source>
        <translation>pos = </translation>
    </message>
    <message>
        <source>The position whose vectors the curves show</source>
        <translation>曲线所显示向量对应的位置</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>M_%1: rotation by %1·ω_i in each (sin, cos) pair, d_model = %2, base = %3</source>
        <translation>M_%1：在每个 (sin, cos) 对中旋转 %1·ω_i，d_model = %2，基数 = %3</translation>
    </message>
    <message>
        <source>row (output dimension)</source>
        <translation>行（输出维度）</translation>
    </message>
    <message>
        <source>column (input dimension)</source>
        <translation>列（输入维度）</translation>
    </message>
    <message>
        <source>PE(%1)</source>
        <translation>PE(%1)</translation>
    </message>
    <message>
        <source>PE(%1 + %2)</source>
        <translation>PE(%1 + %2)</translation>
    </message>
    <message>
        <source>M_%1 · PE(%2)</source>
        <translation>M_%1 · PE(%2)</translation>
    </message>
    <message>
        <source>The encoding vectors at position %1: M_%2 · PE(%1) lands on PE(%1 + %2)</source>
        <translation>位置 %1 的编码向量：M_%2 · PE(%1) 恰好落在 PE(%1 + %2) 上</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check:&lt;/b&gt; max over pos = 0 … %1 of |PE(pos + %2) − M_%2 · PE(pos)| = %3 (rounding only: the same matrix shifts every position).</source>
        <translation>&lt;b&gt;验证：&lt;/b&gt;在 pos = 0 … %1 上，|PE(pos + %2) − M_%2 · PE(pos)| 的最大值 = %3（仅为舍入误差：同一个矩阵平移了每个位置）。</translation>
    </message>
</context>
<context>
    <name>av::RolloutPanel</name>
    <message>
        <source>Open a version 2 session (a whole transformer) to see how much each token&apos;s final state draws on each input token: File ▸ Lessons, e.g. the small GPT-2 stack.</source>
        <translation>打开版本 2 会话（完整的 Transformer），即可看到每个词元的最终状态从各输入词元中取用了多少：文件 ▸ 课程，例如小型 GPT-2 堆叠。</translation>
    </message>
    <message>
        <source>R = Â_L · … · Â_1, Â_l = rows normalised of 0.5·Ā_l + 0.5·I, Ā_l = mean of block l&apos;s heads that are on</source>
        <translation>R = Â_L · … · Â_1，Â_l = 0.5·Ā_l + 0.5·I 按行归一化，Ā_l = 第 l 块中开启的各头的平均</translation>
    </message>
    <message>
        <source>Attention rollout (Abnar &amp; Zuidema, 2020). Each block&apos;s heads are averaged; the residual counts as attention of each token to itself (the identity, half the weight); each row is divided by its sum; the blocks are multiplied from the first to the last. Row i, column j: the share of token i&apos;s final state that comes from input token j.</source>
        <translation>注意力展开（Abnar &amp; Zuidema，2020）。对每个块的各头取平均；残差连接计为每个词元对自身的注意力（单位矩阵，占一半权重）；每行除以其和；从第一个块到最后一个块依次相乘。第 i 行第 j 列：词元 i 的最终状态中来自输入词元 j 的份额。</translation>
    </message>
</context>
<context>
    <name>av::ScalingDemo</name>
    <message>
        <source>The width d_k of the queries and keys</source>
        <translation>查询和键的宽度 d_k</translation>
    </message>
    <message>
        <source>For q and k with d_k independent entries of variance 1, Var(q·k) = d_k: the scores spread as √d_k. Softmax of widely spread scores puts almost all weight on one key, and its gradient vanishes. Dividing by √d_k brings the variance back to 1.</source>
        <translation>若 q 和 k 各有 d_k 个方差为 1 的独立分量，则 Var(q·k) = d_k：分数的离散程度为 √d_k。对离散很大的分数做 softmax，几乎全部权重都会落在一个键上，梯度也随之消失。除以 √d_k 可使方差回到 1。</translation>
    </message>
    <message>
        <source>d_k</source>
        <translation>d_k</translation>
    </message>
    <message>
        <source>d_k = %1</source>
        <translation>d_k = %1</translation>
    </message>
    <message>
        <source>%1 samples: variance of q·k = %2 (theory: d_k = %3), standard deviation %4 (theory √d_k = %5); variance of q·k / √d_k = %6 (theory: 1).</source>
        <translation>%1 个样本：q·k 的方差 = %2（理论值：d_k = %3），标准差 %4（理论值 √d_k = %5）；q·k / √d_k 的方差 = %6（理论值：1）。</translation>
    </message>
    <message>
        <source>N(0, 1) density</source>
        <translation>N(0, 1) 密度</translation>
    </message>
    <message>
        <source>Distribution of the scores at d_k = %1: spread √d_k = %2 without scaling, 1 with</source>
        <translation>d_k = %1 时分数的分布：不缩放时离散度 √d_k = %2，缩放后为 1</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>q·k (not scaled)</source>
        <translation>q·k（未缩放）</translation>
    </message>
    <message>
        <source>q·k / √d_k (scaled)</source>
        <translation>q·k / √d_k（已缩放）</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>键 %1</translation>
    </message>
    <message>
        <source>One query&apos;s softmax over %1 keys at d_k = %2</source>
        <translation>d_k = %2 时一个查询在 %1 个键上的 softmax</translation>
    </message>
    <message>
        <source>softmax(q·k)</source>
        <translation>softmax(q·k)</translation>
    </message>
    <message>
        <source>softmax(q·k / √d_k)</source>
        <translation>softmax(q·k / √d_k)</translation>
    </message>
    <message>
        <source>not scaled</source>
        <translation>未缩放</translation>
    </message>
    <message>
        <source>scaled by √d_k</source>
        <translation>除以 √d_k</translation>
    </message>
    <message>
        <source>uniform (1/%1)</source>
        <translation>均匀（1/%1）</translation>
    </message>
    <message>
        <source>Saturation: the largest weight of a row of %1 keys, mean of %2 rows</source>
        <translation>饱和度：%1 个键的一行中的最大权重，%2 行的平均值</translation>
    </message>
    <message>
        <source>largest weight</source>
        <translation>最大权重</translation>
    </message>
</context>
<context>
    <name>av::ShuffleDemo</name>
    <message>
        <source>&amp;Shuffle the tokens</source>
        <translation>打乱词元顺序(&amp;S)</translation>
    </message>
    <message>
        <source>Self-attention treats its input as a set: without a positional encoding, putting the tokens in another order (a permutation P) only reorders the rows and columns of A, A&apos; = P·A·Pᵀ, so word order cannot matter. With an encoding, each position adds its own vector and the pattern itself changes. (Mask off here: a mask is itself positional.)</source>
        <translation>自注意力把输入当作一个集合：没有位置编码时，把词元换一种顺序（置换 P）只会重排 A 的行和列，A&apos; = P·A·Pᵀ，所以词序不起作用。有了位置编码，每个位置都加上自己的向量，注意力模式本身就会改变。（此处不用掩码：掩码本身就带有位置信息。）</translation>
    </message>
    <message>
        <source>Head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Order after shuffle %1: %2</source>
        <translation>第 %1 次打乱后的顺序：%2</translation>
    </message>
    <message>
        <source>with positional encoding (%1)</source>
        <translation>有位置编码（%1）</translation>
    </message>
    <message>
        <source>no positional encoding</source>
        <translation>无位置编码</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>A, original order — %1</source>
        <translation>A，原始顺序 — %1</translation>
    </message>
    <message>
        <source>P·A·Pᵀ: A reordered — %1</source>
        <translation>P·A·Pᵀ：重排后的 A — %1</translation>
    </message>
    <message>
        <source>A&apos; recomputed after the shuffle — %1</source>
        <translation>打乱后重新计算的 A&apos; — %1</translation>
    </message>
    <message>
        <source>Add at least two tokens to shuffle.</source>
        <translation>至少需要两个词元才能打乱。</translation>
    </message>
    <message>
        <source>the same pattern, only reordered: this encoding does not tell these positions apart.</source>
        <translation>模式相同，只是重新排列：这种编码无法区分这些位置。</translation>
    </message>
    <message>
        <source>rounding only: shuffling merely reorders A, so the order of the words is invisible.</source>
        <translation>仅为舍入误差：打乱只是重排了 A，因此看不出词序。</translation>
    </message>
    <message>
        <source>clearly above 0: the pattern itself changed, so attention sees the order.</source>
        <translation>明显大于 0：模式本身变了，因此注意力能感知词序。</translation>
    </message>
    <message>
        <source>the identity failed, which it should not without an encoding.</source>
        <translation>等式不成立，而没有编码时它本应成立。</translation>
    </message>
    <message>
        <source>With encoding:</source>
        <translation>有编码：</translation>
    </message>
    <message>
        <source>Without encoding:</source>
        <translation>无编码：</translation>
    </message>
</context>
<context>
    <name>av::SummaryPanel</name>
    <message>
        <source>Entropy: 0 when a query looks at one key, ln n when it spreads evenly.
Distance: how many positions away a query looks, on average.</source>
        <translation>熵：查询只关注一个键时为 0，均匀分散时为 ln n。
距离：查询平均关注多少个位置之外的键。</translation>
    </message>
    <message>
        <source>Block %1 · %2</source>
        <translation>块 %1 · %2</translation>
    </message>
</context>
<context>
    <name>av::TrainPanel</name>
    <message>
        <source>FFN (d_ff = 4·d_model)</source>
        <translation>FFN（d_ff = 4·d_model）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>induction: &lt;s&gt; s s, predict the repeated half; copy: &lt;s&gt; s | s; reverse: &lt;s&gt; s | reversed s; previous-token: each position names the token before it (docs/training.md)</source>
        <translation>induction：&lt;s&gt; s s，预测重复的后半段；copy：&lt;s&gt; s | s；reverse：&lt;s&gt; s | 倒序的 s；previous-token：每个位置说出它前面的词元（docs/training.md）</translation>
    </message>
    <message>
        <source>The shape of the model Reset makes for the task</source>
        <translation>“重置”为该任务新建的模型的形状</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>d_model</source>
        <translation>d_model</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Train the open model on the task until Pause: one undo step</source>
        <translation>在该任务上训练当前模型，直到按下“暂停”：一个撤销步骤</translation>
    </message>
    <message>
        <source>One step of Adam on a batch: one undo step</source>
        <translation>在一批序列上做一步 Adam：一个撤销步骤</translation>
    </message>
    <message>
        <source>A new model of the shape above for the task, untrained</source>
        <translation>为该任务新建上面形状的未训练模型</translation>
    </message>
    <message>
        <source>prefix matching: mean weight on the token after the earlier copy of the current token (the induction head&apos;s mark); previous token: mean weight on i − 1</source>
        <translation>前缀匹配：在当前词元较早出现处之后那个词元上的平均权重（归纳头的标志）；前一个词元：在 i − 1 上的平均权重</translation>
    </message>
    <message>
        <source>Head score</source>
        <translation>头得分</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Copy figure</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Step %1 · loss %2 · accuracy %3</source>
        <translation>第 %1 步 · 损失 %2 · 准确率 %3</translation>
    </message>
    <message>
        <source>Start trains the open model; Reset makes a new one for the task.</source>
        <translation>“开始”训练当前模型；“重置”为该任务新建一个模型。</translation>
    </message>
    <message>
        <source>Reset makes a model for the task; then Start.</source>
        <translation>先用“重置”为该任务新建模型，再按“开始”。</translation>
    </message>
</context>
<context>
    <name>av::TrainRun</name>
    <message>
        <source>New model for %1</source>
        <translation>为 %1 新建模型</translation>
    </message>
    <message>
        <source>Open a transformer, or make a new model for the task, to train it.</source>
        <translation>请打开一个 Transformer，或为该任务新建模型，然后再训练。</translation>
    </message>
    <message>
        <source>Cannot train this model on %1: %2</source>
        <translation>无法在 %1 上训练此模型：%2</translation>
    </message>
    <message>
        <source>Train %1 (to step %2)</source>
        <translation>训练 %1（到第 %2 步）</translation>
    </message>
    <message>
        <source>Training stopped: the model was changed while it ran; the run&apos;s weights were dropped.</source>
        <translation>训练已停止：训练期间模型被修改了；本次训练的权重已丢弃。</translation>
    </message>
    <message>
        <source>Training stopped: another session was opened.</source>
        <translation>训练已停止：打开了另一个会话。</translation>
    </message>
</context>
<context>
    <name>av::Walkthrough</name>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>n = %1 tokens: %2&lt;br&gt;We follow token %3, %4, to the output number O&lt;sub&gt;%3,%5&lt;/sub&gt; = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>n = %1 个词元：%2&lt;br&gt;我们跟踪词元 %3（%4），直到输出数值 O&lt;sub&gt;%3,%5&lt;/sub&gt; = &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A transformer never sees a sentence, only a list of tokens. Every step below works on one row per token.</source>
        <translation>Transformer 看到的从来不是句子，而是一串词元。下面的每一步都是每个词元占一行。</translation>
    </message>
    <message>
        <source>Tokens and their positions</source>
        <translation>词元及其位置</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>token %1 is followed</source>
        <translation>跟踪词元 %1</translation>
    </message>
    <message>
        <source>%1 = embedding of %2 = %3&lt;br&gt;X is n × d&lt;sub&gt;model&lt;/sub&gt; = %4 × %5</source>
        <translation>%1 = %2 的嵌入 = %3&lt;br&gt;X 的形状为 n × d&lt;sub&gt;model&lt;/sub&gt; = %4 × %5</translation>
    </message>
    <message>
        <source>Each token is looked up in a table of learned vectors, its embedding. Tokens used in similar ways end up with similar vectors.</source>
        <translation>每个词元都在一张学习得到的向量表中查出自己的向量，即它的嵌入。用法相似的词元最终会得到相似的向量。</translation>
    </message>
    <message>
        <source>row %1 of X</source>
        <translation>X 的第 %1 行</translation>
    </message>
    <message>
        <source>X — embeddings</source>
        <translation>X — 嵌入</translation>
    </message>
    <message>
        <source>%1 = %2 + %3 = %4 + %5 = %6&lt;br&gt;positional encoding: %7</source>
        <translation>%1 = %2 + %3 = %4 + %5 = %6&lt;br&gt;位置编码：%7</translation>
    </message>
    <message>
        <source>Attention by itself ignores word order. This session adds no positional encoding (P = 0), so shuffling the tokens would only shuffle the output rows.</source>
        <translation>注意力本身不考虑词序。本会话没有加位置编码（P = 0），因此打乱词元只会打乱输出的行。</translation>
    </message>
    <message>
        <source>Attention by itself ignores word order, so a vector that depends only on the position is added to each embedding: the same word at another place gives another input.</source>
        <translation>注意力本身不考虑词序，因此给每个嵌入加上一个只取决于位置的向量：同一个词出现在不同位置，输入就不同。</translation>
    </message>
    <message>
        <source>P — positional encoding</source>
        <translation>P — 位置编码</translation>
    </message>
    <message>
        <source>= X&lt;sub&gt;in&lt;/sub&gt;</source>
        <translation>= X&lt;sub&gt;in&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>X_in = X + P</source>
        <translation>X_in = X + P</translation>
    </message>
    <message>
        <source>Three projections of the same input, with head %1’s own W&lt;sub&gt;Q&lt;/sub&gt;, W&lt;sub&gt;K&lt;/sub&gt;, W&lt;sub&gt;V&lt;/sub&gt;: the query asks what to look for, each key says what its token offers, and the values are what gets passed on.</source>
        <translation>用头 %1 自己的 W&lt;sub&gt;Q&lt;/sub&gt;、W&lt;sub&gt;K&lt;/sub&gt;、W&lt;sub&gt;V&lt;/sub&gt; 对同一输入做三次投影：查询表示要找什么，每个键表示其词元能提供什么，值则是要传递下去的内容。</translation>
    </message>
    <message>
        <source>the query of token %1</source>
        <translation>词元 %1 的查询</translation>
    </message>
    <message>
        <source>every key</source>
        <translation>所有键</translation>
    </message>
    <message>
        <source>column %1 of the values</source>
        <translation>值的第 %1 列</translation>
    </message>
    <message>
        <source>score(%1, %2) = w · tanh(%1 + %2) = %3&lt;br&gt;for every key: %4</source>
        <translation>score(%1, %2) = w · tanh(%1 + %2) = %3&lt;br&gt;对所有键：%4</translation>
    </message>
    <message>
        <source>The additive score passes query and key through a small learned layer: one number per key, how well it matches what token %1 looks for.</source>
        <translation>加性评分让查询和键通过一个可学习的小型网络层：每个键得到一个数，表示它与词元 %1 所找内容的匹配程度。</translation>
    </message>
    <message>
        <source>%1 · %2 = %3 = %4&lt;br&gt;%1 · k&lt;sub&gt;j&lt;/sub&gt; for every key: %5</source>
        <translation>%1 · %2 = %3 = %4&lt;br&gt;对所有键的 %1 · k&lt;sub&gt;j&lt;/sub&gt;：%5</translation>
    </message>
    <message>
        <source>The dot product of the query with a key is large when the two point the same way: one number per key, how well it matches what token %1 looks for.</source>
        <translation>查询与键方向一致时，二者的点积就大：每个键得到一个数，表示它与词元 %1 所找内容的匹配程度。</translation>
    </message>
    <message>
        <source>query %1</source>
        <translation>查询 %1</translation>
    </message>
    <message>
        <source>one score per key</source>
        <translation>每个键一个分数</translation>
    </message>
    <message>
        <source>w · tanh(q + k)</source>
        <translation>w · tanh(q + k)</translation>
    </message>
    <message>
        <source>q · k, query %1</source>
        <translation>q · k，查询 %1</translation>
    </message>
    <message>
        <source>%1 = %2 · %3 / √d&lt;sub&gt;k&lt;/sub&gt; = %4 / √%5 = %4 / %6 = %7</source>
        <translation>%1 = %2 · %3 / √d&lt;sub&gt;k&lt;/sub&gt; = %4 / √%5 = %4 / %6 = %7</translation>
    </message>
    <message>
        <source>Dot products grow with the number of dimensions; large ones would make softmax give almost all weight to one key. Dividing by √d&lt;sub&gt;k&lt;/sub&gt; keeps the weights soft.</source>
        <translation>点积随维数增加而变大；点积过大会让 softmax 把几乎全部权重给一个键。除以 √d&lt;sub&gt;k&lt;/sub&gt; 能让权重保持平滑。</translation>
    </message>
    <message>
        <source>%1 = %2 · %3 / (|%2| |%3|) = %4 / (%5 × %6) = %7</source>
        <translation>%1 = %2 · %3 / (|%2| |%3|) = %4 / (%5 × %6) = %7</translation>
    </message>
    <message>
        <source>Cosine divides by both lengths instead of √d&lt;sub&gt;k&lt;/sub&gt;: only the directions count, and every score lies between −1 and 1.</source>
        <translation>余弦评分除以两个向量的长度，而不是 √d&lt;sub&gt;k&lt;/sub&gt;：只有方向起作用，每个分数都在 −1 到 1 之间。</translation>
    </message>
    <message>
        <source>%1 = %2 (no scaling for the %3 score)</source>
        <translation>%1 = %2（%3评分不做缩放）</translation>
    </message>
    <message>
        <source>This score is not divided by √d&lt;sub&gt;k&lt;/sub&gt;. With many dimensions the scores grow large and softmax gives almost all weight to one key.</source>
        <translation>这种评分不除以 √d&lt;sub&gt;k&lt;/sub&gt;。维数较多时分数会变得很大，softmax 会把几乎全部权重给一个键。</translation>
    </message>
    <message>
        <source>&lt;br&gt;÷ temperature T = %1: %2 / %1 = %3</source>
        <translation>&lt;br&gt;÷ 温度 T = %1：%2 / %1 = %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;row %1 of S: %2</source>
        <translation>&lt;br&gt;S 的第 %1 行：%2</translation>
    </message>
    <message>
        <source>before</source>
        <translation>处理前</translation>
    </message>
    <message>
        <source>after: row %1 of S</source>
        <translation>处理后：S 的第 %1 行</translation>
    </message>
    <message>
        <source>mask: %1&lt;br&gt;token %2 may attend to keys %3</source>
        <translation>掩码：%1&lt;br&gt;词元 %2 可以关注的键：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&lt;br&gt;keys %1 are hidden: their weight will be exactly 0</source>
        <translation>&lt;br&gt;键 %1 被屏蔽：它们的权重将恰好为 0</translation>
    </message>
    <message>
        <source>A mask says which keys a query may see. A causal mask hides the tokens that come later, so that a model predicting the next word cannot peek at it.</source>
        <translation>掩码规定查询可以看到哪些键。因果掩码遮住后面的词元，使预测下一个词的模型无法偷看答案。</translation>
    </message>
    <message>
        <source>row %1 of the mask</source>
        <translation>掩码的第 %1 行</translation>
    </message>
    <message>
        <source>the scores that remain</source>
        <translation>保留下来的分数</translation>
    </message>
    <message>
        <source>%1 = exp(%2 − max) / Σ&lt;sub&gt;j&lt;/sub&gt; exp(s&lt;sub&gt;%3,j&lt;/sub&gt; − max)&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= exp(%4 − %5) / %6 = %7 / %6 = &lt;b&gt;%8&lt;/b&gt;</source>
        <translation>%1 = exp(%2 − max) / Σ&lt;sub&gt;j&lt;/sub&gt; exp(s&lt;sub&gt;%3,j&lt;/sub&gt; − max)&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= exp(%4 − %5) / %6 = %7 / %6 = &lt;b&gt;%8&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Softmax turns the scores into weights that are positive and add up to 1: each key’s share of token %1’s attention. Subtracting the maximum first changes nothing but keeps exp() from overflowing.</source>
        <translation>Softmax 把分数变成和为 1 的正权重：即每个键在词元 %1 的注意力中所占的份额。先减去最大值不会改变结果，但能防止 exp() 溢出。</translation>
    </message>
    <message>
        <source>%1 = max(0, %2) = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>%1 = max(0, %2) = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ReLU keeps the positive scores and sets the others to 0; unlike softmax the weights need not add up to 1.</source>
        <translation>ReLU 保留正的分数，其余置为 0；与 softmax 不同，权重之和不必为 1。</translation>
    </message>
    <message>
        <source>&lt;br&gt;row %1 of A: %2, sum %3</source>
        <translation>&lt;br&gt;A 的第 %1 行：%2，和为 %3</translation>
    </message>
    <message>
        <source>row %1 of S</source>
        <translation>S 的第 %1 行</translation>
    </message>
    <message>
        <source>row %1 of A</source>
        <translation>A 的第 %1 行</translation>
    </message>
    <message>
        <source>%1 = Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;%2,j&lt;/sub&gt; v&lt;sub&gt;j,%3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>%1 = Σ&lt;sub&gt;j&lt;/sub&gt; a&lt;sub&gt;%2,j&lt;/sub&gt; v&lt;sub&gt;j,%3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The head’s output for token %1 is a blend of the value vectors, each weighted by the attention its key got. Keys with weight 0 add nothing.</source>
        <translation>该头对词元 %1 的输出是各个值向量的加权混合，权重就是对应键得到的注意力。权重为 0 的键没有任何贡献。</translation>
    </message>
    <message>
        <source>× column %1 of V</source>
        <translation>× V 的第 %1 列</translation>
    </message>
    <message>
        <source>= Z</source>
        <translation>= Z</translation>
    </message>
    <message>
        <source>%1 = [%2] = %3&lt;br&gt;column %4 of C is column %5 of head %6: &lt;b&gt;%7&lt;/b&gt;</source>
        <translation>%1 = [%2] = %3&lt;br&gt;C 的第 %4 列就是头 %6 的第 %5 列：&lt;b&gt;%7&lt;/b&gt;</translation>
    </message>
    <message>
        <source>z&lt;sup&gt;(1)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt; | … | z&lt;sup&gt;(%2)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt;</source>
        <translation>z&lt;sup&gt;(1)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt; | … | z&lt;sup&gt;(%2)&lt;/sup&gt;&lt;sub&gt;%1&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>With one head there is nothing to put side by side: C is Z. With several, each head looks for something else and their outputs are joined.</source>
        <translation>只有一个头时无需拼接：C 就是 Z。有多个头时，每个头关注不同的内容，它们的输出拼接在一起。</translation>
    </message>
    <message>
        <source>Each head looks for something else; their outputs for token %1 are put side by side into one row of d&lt;sub&gt;model&lt;/sub&gt; numbers.</source>
        <translation>每个头关注不同的内容；它们对词元 %1 的输出并排拼接成一行 d&lt;sub&gt;model&lt;/sub&gt; 个数。</translation>
    </message>
    <message>
        <source>head %1’s output</source>
        <translation>头 %1 的输出</translation>
    </message>
    <message>
        <source>C, all heads side by side</source>
        <translation>C：所有头拼接</translation>
    </message>
    <message>
        <source>C = [Z1 | … | Z%1]</source>
        <translation>C = [Z1 | … | Z%1]</translation>
    </message>
    <message>
        <source>W&lt;sub&gt;O&lt;/sub&gt; mixes the heads’ results into the layer’s output, so that each output number can draw on every head. This is the number we followed from the start.</source>
        <translation>W&lt;sub&gt;O&lt;/sub&gt; 把各头的结果混合成该层的输出，使每个输出数值都能用上所有头的信息。这就是我们从一开始跟踪的那个数。</translation>
    </message>
    <message>
        <source>row %1 of C</source>
        <translation>C 的第 %1 行</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>× column %1 of W&lt;sub&gt;O&lt;/sub&gt;</source>
        <translation>× W&lt;sub&gt;O&lt;/sub&gt; 的第 %1 列</translation>
    </message>
    <message>
        <source>W_O — output projection</source>
        <translation>W_O — 输出投影</translation>
    </message>
    <message>
        <source>= O</source>
        <translation>= O</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Positional encoding added</source>
        <translation>加上位置编码</translation>
    </message>
    <message>
        <source>Queries, keys and values</source>
        <translation>查询、键和值</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>注意力分数</translation>
    </message>
    <message>
        <source>Scaling by √d_k</source>
        <translation>除以 √d_k 缩放</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Weighted sum of V</source>
        <translation>V 的加权和</translation>
    </message>
    <message>
        <source>Concatenation of heads</source>
        <translation>多头拼接</translation>
    </message>
    <message>
        <source>Output projection W_O</source>
        <translation>输出投影 W_O</translation>
    </message>
    <message>
        <source>There are no tokens yet: type a sentence in the Input panel.</source>
        <translation>还没有词元：请在“输入”面板中输入一个句子。</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 = PE(pos = %2): token %3 is at pos %2, as positions count from 0 in the formula</source>
        <translation>&lt;br&gt;%1 = PE(pos = %2)：词元 %3 位于 pos %2，因为公式中的位置从 0 起计数</translation>
    </message>
    <message>
        <source>No positional encoding</source>
        <translation>无位置编码</translation>
    </message>
    <message>
        <source>Scores: additive</source>
        <translation>分数：加性</translation>
    </message>
    <message>
        <source>Cosine similarity (no scaling)</source>
        <translation>余弦相似度（不缩放）</translation>
    </message>
    <message>
        <source>No scaling: plain dot product</source>
        <translation>不缩放：普通点积</translation>
    </message>
    <message>
        <source>No scaling: additive score</source>
        <translation>不缩放：加性分数</translation>
    </message>
    <message>
        <source>Normalisation: ReLU</source>
        <translation>归一化：ReLU</translation>
    </message>
    <message>
        <source>Input of block %1</source>
        <translation>第 %1 块的输入</translation>
    </message>
    <message>
        <source>%1 = row %2 of the output of block %3 = %4</source>
        <translation>%1 = 第 %3 块输出的第 %2 行 = %4</translation>
    </message>
    <message>
        <source>Each block reads what the block before it wrote: one row per token, d&lt;sub&gt;model&lt;/sub&gt; numbers wide. The positional encoding was added once, before block 1.</source>
        <translation>每个块读取前一个块写出的结果：每个词元一行，每行 d&lt;sub&gt;model&lt;/sub&gt; 个数。位置编码只在第 1 块之前加过一次。</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>H_%1 — input of block %2</source>
        <translation>H_%1 — 第 %2 块的输入</translation>
    </message>
    <message>
        <source>Final layer norm</source>
        <translation>最终层归一化</translation>
    </message>
    <message>
        <source>Layer norm 1</source>
        <translation>层归一化 1</translation>
    </message>
    <message>
        <source>Layer norm 2</source>
        <translation>层归一化 2</translation>
    </message>
    <message>
        <source>%1(x) = (x − μ) / √(σ² + ε) ⊙ γ + β, with x = %2 = %3&lt;br&gt;%4&lt;br&gt;%5&lt;br&gt;dimension %6: %7&lt;br&gt;%8 = %9</source>
        <translation>%1(x) = (x − μ) / √(σ² + ε) ⊙ γ + β，其中 x = %2 = %3&lt;br&gt;%4&lt;br&gt;%5&lt;br&gt;第 %6 维：%7&lt;br&gt;%8 = %9</translation>
    </message>
    <message>
        <source>Layer normalisation moves each token&apos;s vector to mean 0 and variance 1, then scales and shifts every dimension by a learned gain γ and bias β: the numbers stay in the same range from block to block.</source>
        <translation>层归一化先把每个词元的向量变为均值 0、方差 1，再用可学习的增益 γ 和偏置 β 对每一维做缩放和平移：这样数值在各块之间保持在相同的范围内。</translation>
    </message>
    <message>
        <source> The last block&apos;s output is normalised once more before the unembedding.</source>
        <translation> 最后一块的输出在反嵌入之前还要再归一化一次。</translation>
    </message>
    <message>
        <source> Pre-norm (GPT-2): the sublayer reads LN(x), the residual adds x itself.</source>
        <translation> 前置归一化（GPT-2）：子层读取 LN(x)，残差加上的是 x 本身。</translation>
    </message>
    <message>
        <source> Post-norm (2017): the norm comes after the residual sum.</source>
        <translation> 后置归一化（2017）：层归一化放在残差求和之后。</translation>
    </message>
    <message>
        <source>x: what %1 reads</source>
        <translation>x：%1 读取的输入</translation>
    </message>
    <message>
        <source>input of %1</source>
        <translation>%1 的输入</translation>
    </message>
    <message>
        <source>μ and σ² of row %1</source>
        <translation>第 %1 行的 μ 和 σ²</translation>
    </message>
    <message>
        <source>= %1(x)</source>
        <translation>= %1(x)</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>%1 的输出</translation>
    </message>
    <message>
        <source>Residual sum after the FFN</source>
        <translation>FFN 之后的残差和</translation>
    </message>
    <message>
        <source>Residual sum after attention</source>
        <translation>注意力之后的残差和</translation>
    </message>
    <message>
        <source>%1 = %2 + %3&lt;br&gt;dimension %4: %5&lt;br&gt;%1 = %6</source>
        <translation>%1 = %2 + %3&lt;br&gt;第 %4 维：%5&lt;br&gt;%1 = %6</translation>
    </message>
    <message>
        <source>The FFN&apos;s output f is added to its input m: the block only changes the stream by what the FFN adds.</source>
        <translation>FFN 的输出 f 加到它的输入 m 上：块对残差流的改变，就是 FFN 加上的那部分。</translation>
    </message>
    <message>
        <source>The residual connection adds the heads&apos; result o (the attention output O) to the block&apos;s input, so that a block learns a change to its input and can pass the input on unchanged: deep stacks train because of this identity path.</source>
        <translation>残差连接把各头的结果 o（注意力输出 O）加到块的输入上，于是块学到的是对输入的修改，也能把输入原样传下去：正是有了这条恒等通路，很深的堆叠才能训练。</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>the block&apos;s input</source>
        <translation>块的输入</translation>
    </message>
    <message>
        <source>M — after attention</source>
        <translation>M — 注意力之后</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>+ FFN</source>
        <translation>+ FFN</translation>
    </message>
    <message>
        <source>+ O</source>
        <translation>+ O</translation>
    </message>
    <message>
        <source>FFN output</source>
        <translation>FFN 输出</translation>
    </message>
    <message>
        <source>O — attention output</source>
        <translation>O — 注意力输出</translation>
    </message>
    <message>
        <source>= the sum</source>
        <translation>= 和</translation>
    </message>
    <message>
        <source>residual sum</source>
        <translation>残差和</translation>
    </message>
    <message>
        <source>Feed-forward network: first layer</source>
        <translation>前馈网络：第一层</translation>
    </message>
    <message>
        <source>%1 = %2 · W&lt;sub&gt;1&lt;/sub&gt;[:, %3] + b&lt;sub&gt;1 %3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4&lt;br&gt;F = M W&lt;sub&gt;1&lt;/sub&gt; + b&lt;sub&gt;1&lt;/sub&gt; is n × d&lt;sub&gt;ff&lt;/sub&gt; = %5 × %6</source>
        <translation>%1 = %2 · W&lt;sub&gt;1&lt;/sub&gt;[:, %3] + b&lt;sub&gt;1 %3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4&lt;br&gt;F = M W&lt;sub&gt;1&lt;/sub&gt; + b&lt;sub&gt;1&lt;/sub&gt; 的形状为 n × d&lt;sub&gt;ff&lt;/sub&gt; = %5 × %6</translation>
    </message>
    <message>
        <source>The feed-forward network works on each token by itself, with no attention: it widens the vector to d&lt;sub&gt;ff&lt;/sub&gt; = %1 numbers. We follow unit %2, the one of token %3 furthest from 0 after the activation.</source>
        <translation>前馈网络对每个词元单独计算，不涉及注意力：它把向量加宽到 d&lt;sub&gt;ff&lt;/sub&gt; = %1 个数。我们跟踪单元 %2，即词元 %3 激活后离 0 最远的那个单元。</translation>
    </message>
    <message>
        <source>FFN input</source>
        <translation>FFN 输入</translation>
    </message>
    <message>
        <source>× column %1 of W&lt;sub&gt;1&lt;/sub&gt;</source>
        <translation>× W&lt;sub&gt;1&lt;/sub&gt; 的第 %1 列</translation>
    </message>
    <message>
        <source>W_1 (d_model × d_ff)</source>
        <translation>W_1（d_model × d_ff）</translation>
    </message>
    <message>
        <source>= F</source>
        <translation>= F</translation>
    </message>
    <message>
        <source>F = M W_1 + b_1</source>
        <translation>F = M W_1 + b_1</translation>
    </message>
    <message>
        <source>Activation: %1</source>
        <translation>激活函数：%1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 = %3&lt;br&gt;row %4 of G: %5</source>
        <translation>%1&lt;br&gt;%2 = %3&lt;br&gt;G 的第 %4 行：%5</translation>
    </message>
    <message>
        <source>ReLU keeps the positive numbers and sets the negative ones to 0: without a bend between the two layers they would be one linear map.</source>
        <translation>ReLU 保留正数，把负数置为 0：两层之间如果没有这个拐点，它们合起来就只是一个线性映射。</translation>
    </message>
    <message>
        <source>GELU is a smooth ReLU: it weights x by Φ(x), the probability that a standard normal number is below x, so small negative numbers pass a little.</source>
        <translation>GELU 是平滑的 ReLU：它用 Φ(x) 给 x 加权，Φ(x) 是标准正态随机数小于 x 的概率，因此较小的负数也能通过一点。</translation>
    </message>
    <message>
        <source>GELU is a smooth ReLU: x weighted by Φ(x), here in GPT-2&apos;s tanh form, which approximates the erf form to about 0.001.</source>
        <translation>GELU 是平滑的 ReLU：用 Φ(x) 给 x 加权，这里采用 GPT-2 的 tanh 形式，它与 erf 形式相差约 0.001。</translation>
    </message>
    <message>
        <source>row %1 of F</source>
        <translation>F 的第 %1 行</translation>
    </message>
    <message>
        <source>F, before</source>
        <translation>F，激活前</translation>
    </message>
    <message>
        <source>row %1 of G</source>
        <translation>G 的第 %1 行</translation>
    </message>
    <message>
        <source>G = %1(F)</source>
        <translation>G = %1(F)</translation>
    </message>
    <message>
        <source>Feed-forward network: second layer</source>
        <translation>前馈网络：第二层</translation>
    </message>
    <message>
        <source>%1 = %2 · W&lt;sub&gt;2&lt;/sub&gt;[:, %3] + b&lt;sub&gt;2 %3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4</source>
        <translation>%1 = %2 · W&lt;sub&gt;2&lt;/sub&gt;[:, %3] + b&lt;sub&gt;2 %3&lt;/sub&gt;&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4</translation>
    </message>
    <message>
        <source>The second layer brings the d&lt;sub&gt;ff&lt;/sub&gt; numbers back to d&lt;sub&gt;model&lt;/sub&gt;: what the FFN adds to token %1&apos;s vector.</source>
        <translation>第二层把 d&lt;sub&gt;ff&lt;/sub&gt; 个数变回 d&lt;sub&gt;model&lt;/sub&gt; 个：这就是 FFN 加到词元 %1 的向量上的内容。</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>× column %1 of W&lt;sub&gt;2&lt;/sub&gt;</source>
        <translation>× W&lt;sub&gt;2&lt;/sub&gt; 的第 %1 列</translation>
    </message>
    <message>
        <source>W_2 (d_ff × d_model)</source>
        <translation>W_2（d_ff × d_model）</translation>
    </message>
    <message>
        <source>= FFN</source>
        <translation>= FFN</translation>
    </message>
    <message>
        <source>FFN = G W_2 + b_2</source>
        <translation>FFN = G W_2 + b_2</translation>
    </message>
    <message>
        <source>Output of block %1</source>
        <translation>第 %1 块的输出</translation>
    </message>
    <message>
        <source>row %1 of H&lt;sub&gt;%2&lt;/sub&gt; = %3&lt;br&gt;dimension %4: &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>H&lt;sub&gt;%2&lt;/sub&gt; 的第 %1 行 = %3&lt;br&gt;第 %4 维：&lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The output of the last block: the next-token prediction is made from it.</source>
        <translation>最后一块的输出：下一个词元的预测由它得出。</translation>
    </message>
    <message>
        <source>The output of block %1 is the input of block %2, which repeats the same steps with its own weights.</source>
        <translation>第 %1 块的输出就是第 %2 块的输入，后者用自己的权重重复同样的步骤。</translation>
    </message>
    <message>
        <source>H_%1 — output of block %1</source>
        <translation>H_%1 — 第 %1 块的输出</translation>
    </message>
    <message>
        <source>Logits: a score for every token of the vocabulary</source>
        <translation>Logits：词表中每个词元各得一个分数</translation>
    </message>
    <message>
        <source>its embedding e</source>
        <translation>它的嵌入 e</translation>
    </message>
    <message>
        <source>its column of W&lt;sub&gt;U&lt;/sub&gt;</source>
        <translation>它在 W&lt;sub&gt;U&lt;/sub&gt; 中的列</translation>
    </message>
    <message>
        <source>The unembedding is tied to the embeddings (as in GPT-2): a logit is the dot product of the final vector with a token&apos;s embedding, large when the two point the same way.</source>
        <translation>反嵌入与嵌入共享权重（与 GPT-2 相同）：logit 是最终向量与某个词元嵌入的点积，二者方向一致时就大。</translation>
    </message>
    <message>
        <source>The unembedding W&lt;sub&gt;U&lt;/sub&gt; turns the d&lt;sub&gt;model&lt;/sub&gt; numbers into one score per vocabulary entry.</source>
        <translation>反嵌入 W&lt;sub&gt;U&lt;/sub&gt; 把 d&lt;sub&gt;model&lt;/sub&gt; 个数变成词表中每个词各一个分数。</translation>
    </message>
    <message>
        <source>row %1 of H&lt;sub&gt;f&lt;/sub&gt;</source>
        <translation>H&lt;sub&gt;f&lt;/sub&gt; 的第 %1 行</translation>
    </message>
    <message>
        <source>H_f — final vectors</source>
        <translation>H_f — 最终向量</translation>
    </message>
    <message>
        <source>row %1 of the logits</source>
        <translation>logits 的第 %1 行</translation>
    </message>
    <message>
        <source>Probabilities of the next token</source>
        <translation>下一个词元的概率</translation>
    </message>
    <message>
        <source>p(“%1” | %2) = %3&lt;br&gt;most likely next tokens: %4</source>
        <translation>p(“%1” | %2) = %3&lt;br&gt;最可能的下一个词元：%4</translation>
    </message>
    <message>
        <source>Softmax over the whole vocabulary turns the logits into probabilities that add up to 1: the model&apos;s guess of the token after %1.</source>
        <translation>在整个词表上做 softmax，把 logits 变成和为 1 的概率：即模型对 %1 之后那个词元的猜测。</translation>
    </message>
    <message>
        <source>the likeliest next tokens</source>
        <translation>最可能的下一个词元</translation>
    </message>
    <message>
        <source>%1 = %2 W&lt;sub&gt;Q&lt;/sub&gt;%3 = %4&lt;br&gt;%5&lt;br&gt;column %6 of V = %7</source>
        <translation>%1 = %2 W&lt;sub&gt;Q&lt;/sub&gt;%3 = %4&lt;br&gt;%5&lt;br&gt;V 的第 %6 列 = %7</translation>
    </message>
    <message>
        <source>O&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;m&lt;/sub&gt; c&lt;sub&gt;%1,m&lt;/sub&gt; W&lt;sub&gt;O m,%2&lt;/sub&gt;%3&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>O&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;m&lt;/sub&gt; c&lt;sub&gt;%1,m&lt;/sub&gt; W&lt;sub&gt;O m,%2&lt;/sub&gt;%3&lt;br&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;= %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>logit of “%1” = %2 · %3 = %4&lt;br&gt;%5 logits for token %6, one per word of the vocabulary; the %7 largest are shown</source>
        <translation>“%1” 的 logit = %2 · %3 = %4&lt;br&gt;词元 %6 共有 %5 个 logits，词表中每个词一个；显示其中最大的 %7 个</translation>
    </message>
    <message>
        <source>Attention rollout: what token %1&apos;s final state draws on</source>
        <translation>注意力展开：词元 %1 的最终状态来自哪里</translation>
    </message>
    <message>
        <source>R&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; Â&lt;sup&gt;(%3)&lt;/sup&gt;&lt;sub&gt;%1,k&lt;/sub&gt; R&lt;sup&gt;(%4)&lt;/sup&gt;&lt;sub&gt;k,%2&lt;/sub&gt; = %5 = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>R&lt;sub&gt;%1,%2&lt;/sub&gt; = Σ&lt;sub&gt;k&lt;/sub&gt; Â&lt;sup&gt;(%3)&lt;/sup&gt;&lt;sub&gt;%1,k&lt;/sub&gt; R&lt;sup&gt;(%4)&lt;/sup&gt;&lt;sub&gt;k,%2&lt;/sub&gt; = %5 = &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>R&lt;sub&gt;%1,%2&lt;/sub&gt; = Â&lt;sup&gt;(1)&lt;/sup&gt;&lt;sub&gt;%1,%2&lt;/sub&gt; = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>R&lt;sub&gt;%1,%2&lt;/sub&gt; = Â&lt;sup&gt;(1)&lt;/sup&gt;&lt;sub&gt;%1,%2&lt;/sub&gt; = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>R = Â&lt;sup&gt;(%1)&lt;/sup&gt; · … · Â&lt;sup&gt;(1)&lt;/sup&gt;, Â&lt;sup&gt;(l)&lt;/sup&gt; = 0.5·Ā&lt;sup&gt;(l)&lt;/sup&gt; + 0.5·I, rows divided by their sums (Ā&lt;sup&gt;(l)&lt;/sup&gt;: the mean of block l&apos;s heads that are on)&lt;br&gt;%2&lt;sub&gt;%3,%3&lt;/sub&gt; = (0.5 × %4 + 0.5) / %5 = %6&lt;br&gt;%7</source>
        <translation>R = Â&lt;sup&gt;(%1)&lt;/sup&gt; · … · Â&lt;sup&gt;(1)&lt;/sup&gt;，Â&lt;sup&gt;(l)&lt;/sup&gt; = 0.5·Ā&lt;sup&gt;(l)&lt;/sup&gt; + 0.5·I，每行再除以该行之和（Ā&lt;sup&gt;(l)&lt;/sup&gt;：第 l 块中开启的各头的平均）&lt;br&gt;%2&lt;sub&gt;%3,%3&lt;/sub&gt; = (0.5 × %4 + 0.5) / %5 = %6&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>The residual passes each token&apos;s own state on unchanged: rollout counts it as attention to itself, half the weight. Followed through every block, row %1 of R says how much of %2&apos;s final state comes from each input token; most from token %3.</source>
        <translation>残差把每个词元自身的状态原样传下去：展开把它算作对自身的注意力，占一半权重。沿所有块一路追踪，R 的第 %1 行说明 %2 的最终状态有多少来自每个输入词元；来自词元 %3 的最多。</translation>
    </message>
    <message>
        <source>row %1 of %2</source>
        <translation>%2 的第 %1 行</translation>
    </message>
    <message>
        <source>Â_%1 — block %1, mixed with I</source>
        <translation>Â_%1 — 第 %1 块，与 I 混合</translation>
    </message>
    <message>
        <source>× column %1 of R&lt;sup&gt;(%2)&lt;/sup&gt;</source>
        <translation>× R&lt;sup&gt;(%2)&lt;/sup&gt; 的第 %1 列</translation>
    </message>
    <message>
        <source>R_%1 — rollout of blocks 1 … %1</source>
        <translation>R_%1 — 第 1 … %1 块的展开</translation>
    </message>
    <message>
        <source>= R</source>
        <translation>= R</translation>
    </message>
    <message>
        <source>R — rollout of blocks 1 … %1</source>
        <translation>R — 第 1 … %1 块的展开</translation>
    </message>
</context>
<context>
    <name>av::WalkthroughPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Go to a step directly</source>
        <translation>直接跳到某一步</translation>
    </message>
    <message>
        <source>Previous step (Left, Backspace, Page Up)</source>
        <translation>上一步（左方向键、Backspace、Page Up）</translation>
    </message>
    <message>
        <source>Next step (Right, Space, Page Down)</source>
        <translation>下一步（右方向键、空格、Page Down）</translation>
    </message>
    <message>
        <source>The token whose output the walk follows (the query)</source>
        <translation>讲解所跟踪输出对应的词元（即查询）</translation>
    </message>
    <message>
        <source>The column of the output O the walk follows; it decides the head</source>
        <translation>讲解所跟踪的输出 O 的列；它决定了所属的头</translation>
    </message>
    <message>
        <source>Follow O[token</source>
        <translation>跟踪 O[词元</translation>
    </message>
    <message>
        <source>, column</source>
        <translation>，列</translation>
    </message>
</context>
<context>
    <name>av::WeightsPanel</name>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Re-initialise from the seed:</source>
        <translation>按种子重新初始化：</translation>
    </message>
    <message>
        <source>Xavier uniform: U(−a, a), a = √(6 / (fan_in + fan_out)); for X, each token&apos;s derived embedding</source>
        <translation>Xavier 均匀：U(−a, a)，a = √(6 / (fan_in + fan_out))；对 X 则为每个词元生成的嵌入</translation>
    </message>
    <message>
        <source>Replace the shown matrix; Undo brings it back</source>
        <translation>替换当前显示的矩阵；可用撤销恢复</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>AttnViz: see, edit and export every step of multi-head self-attention.</source>
        <translation>AttnViz：查看、编辑并导出多头自注意力的每一步。</translation>
    </message>
</context>
</TS>
