// The walkthrough's steps of a block of a model beyond its attention: the block's input, the
// layer norms, the residual sums, the feed-forward network, the output and, after the last
// block, the prediction. Each writes one row's or one entry's numbers out (blockparts.h); the
// values after "=" are the engine's.
#include "blockparts.h"
#include "names.h"
#include "numberformat.h"
#include "walk.h"

#include <QStringList>

namespace av {

using namespace walk;

namespace {

QString plainNorm(NormSite site)
{
    switch (site) {
    case NormSite::Ln1:
        return QStringLiteral("LN1");
    case NormSite::Ln2:
        return QStringLiteral("LN2");
    case NormSite::Final:
        break;
    }
    return QStringLiteral("LN_f");
}

} // namespace

int Walk::ffnFocus() const
{
    int best = 0;
    blockResult().ffnHidden.row(i).cwiseAbs().maxCoeff(&best);
    return best;
}

WalkStep Walk::blockInputStep() const
{
    WalkStep step;
    step.title = tr("Input of block %1").arg(block + 1);
    const attn::Matrix& in = blockResult().input;
    step.formula = tr("%1 = row %2 of the output of block %3 = %4")
                       .arg(sub(QStringLiteral("h"), I), I)
                       .arg(block)
                       .arg(vectorText(in.row(i)));
    step.why = tr("Each block reads what the block before it wrote: one row per token, "
                  "d<sub>model</sub> numbers wide. The positional encoding was added once, "
                  "before block 1.");
    step.matrices << shown(
        tr("row %1").arg(I),
        matrixFigure(tr("H_%1 — input of block %2").arg(block).arg(block + 1), in, s, true),
        rowCells(i, s.dModel));
    return step;
}

WalkStep Walk::normStep(NormSite site, const QString& input, const QString& output) const
{
    WalkStep step;
    const NormParts p = normParts(*model, *modelResult, block, site);
    step.title = site == NormSite::Final ? tr("Final layer norm")
                 : site == NormSite::Ln1 ? tr("Layer norm 1")
                                         : tr("Layer norm 2");
    step.formula = tr("%1(x) = (x − μ) / √(σ² + ε) ⊙ γ + β, with x = %2 = %3<br>%4<br>%5<br>"
                      "dimension %6: %7<br>%8 = %9")
                       .arg(normSymbol(site), input, vectorText(p.input->row(i)),
                            normMeanText(p, i), normVarianceText(p, i), one(c),
                            normEntryText(p, i, c), output, vectorText(p.result->output.row(i)));
    QString why = tr("Layer normalisation moves each token's vector to mean 0 and variance 1, "
                     "then scales and shifts every dimension by a learned gain γ and bias β: "
                     "the numbers stay in the same range from block to block.");
    if (site == NormSite::Final)
        why += tr(" The last block's output is normalised once more before the unembedding.");
    else if (modelBlock().norm == attn::NormPlacement::Pre)
        why += tr(" Pre-norm (GPT-2): the sublayer reads LN(x), the residual adds x itself.");
    else
        why += tr(" Post-norm (2017): the norm comes after the residual sum.");
    step.why = why;
    const QString name = plainNorm(site);
    step.matrices << shown(tr("x: what %1 reads").arg(name),
                           matrixFigure(tr("input of %1").arg(name), *p.input, s, true),
                           rowCells(i, s.dModel))
                  << shown(tr("μ and σ² of row %1").arg(I), normStatsFigure(p, s), rowCells(i, 2))
                  << shown(tr("= %1(x)").arg(normSymbol(site)),
                           matrixFigure(tr("%1 output").arg(name), p.result->output, s, true),
                           {QPoint(c, i)});
    return step;
}

WalkStep Walk::residualStep(bool second) const
{
    WalkStep step;
    const attn::BlockResult& br = blockResult();
    const bool post = modelBlock().norm == attn::NormPlacement::Post;
    const QString hIn = block == 0 ? sub(QStringLiteral("x"), QStringLiteral("in,") + I)
                                   : sub(QStringLiteral("h"), I);
    const QString left = second ? sub(QStringLiteral("m"), I) : hIn;
    const QString right = second ? sub(QStringLiteral("f"), I) : sub(QStringLiteral("o"), I);
    const QString result = post     ? sub(QStringLiteral("s"), I)
                           : second ? sub(QStringLiteral("h′"), I)
                                    : sub(QStringLiteral("m"), I);
    const attn::Matrix& a = second ? br.afterAttention : br.input;
    const attn::Matrix& b = second ? br.ffnOutput : br.attentionOutput;
    const attn::Matrix& total =
        post ? (second ? br.ffnSum : br.attentionSum) : (second ? br.output : br.afterAttention);
    step.title = second ? tr("Residual sum after the FFN") : tr("Residual sum after attention");
    step.formula = tr("%1 = %2 + %3<br>dimension %4: %5<br>%1 = %6")
                       .arg(result, left, right, one(c), sumText(a(i, c), b(i, c), total(i, c)),
                            vectorText(total.row(i)));
    step.why = second ? tr("The FFN's output f is added to its input m: the block only changes "
                           "the stream by what the FFN adds.")
                      : tr("The residual connection adds the heads' result o (the attention "
                           "output O) to the block's input, so that a block learns a change to "
                           "its input and can pass the input on unchanged: deep stacks train "
                           "because of this identity path.");
    const QVector<QPoint> row = rowCells(i, s.dModel);
    step.matrices
        << shown(second ? tr("M") : tr("the block's input"),
                 matrixFigure(second ? tr("M — after attention") : tr("input"), a, s, true), row)
        << shown(second ? tr("+ FFN") : tr("+ O"),
                 matrixFigure(second ? tr("FFN output") : tr("O — attention output"), b, s, true),
                 row)
        << shown(tr("= the sum"), matrixFigure(tr("residual sum"), total, s, true), {QPoint(c, i)});
    return step;
}

WalkStep Walk::ffnFirstStep() const
{
    WalkStep step;
    const attn::BlockResult& br = blockResult();
    const attn::FeedForward& f = *modelBlock().ffn;
    const bool pre = modelBlock().norm == attn::NormPlacement::Pre;
    const attn::Matrix& in = pre ? br.ln2.output : br.afterAttention;
    const int j = ffnFocus();
    const QString J = one(j);
    const QString input =
        pre ? QStringLiteral("LN<sub>2</sub>(%1)").arg(sub(QStringLiteral("m"), I))
            : sub(QStringLiteral("m"), I);
    step.title = tr("Feed-forward network: first layer");
    step.formula = tr("%1 = %2 · W<sub>1</sub>[:, %3] + b<sub>1 %3</sub><br>"
                      "&nbsp;&nbsp;&nbsp;= %4<br>F = M W<sub>1</sub> + b<sub>1</sub> is "
                      "n × d<sub>ff</sub> = %5 × %6")
                       .arg(sub(QStringLiteral("f"), I + QLatin1Char(',') + J), input, J,
                            ffnPreText(modelBlock(), br, in, i, j))
                       .arg(n)
                       .arg(f.width());
    step.why = tr("The feed-forward network works on each token by itself, with no attention: "
                  "it widens the vector to d<sub>ff</sub> = %1 numbers. We follow unit %2, the "
                  "one of token %3 furthest from 0 after the activation.")
                   .arg(f.width())
                   .arg(J, I);
    step.matrices << shown(tr("row %1").arg(I), matrixFigure(tr("FFN input"), in, s, true),
                           rowCells(i, s.dModel))
                  << shown(tr("× column %1 of W<sub>1</sub>").arg(J),
                           matrixFigure(tr("W_1 (d_model × d_ff)"), f.w1, s, false),
                           columnCells(j, s.dModel))
                  << shown(tr("= F"),
                           matrixFigure(tr("F = M W_1 + b_1"), br.ffnPreActivation, s, true),
                           {QPoint(j, i)});
    return step;
}

WalkStep Walk::activationStep() const
{
    WalkStep step;
    const attn::BlockResult& br = blockResult();
    const attn::Activation a = modelBlock().ffn->activation;
    const int j = ffnFocus();
    step.title = tr("Activation: %1").arg(kindName(a));
    step.formula =
        tr("%1<br>%2 = %3<br>row %4 of G: %5")
            .arg(activationFormula(a), sub(QStringLiteral("g"), I + QLatin1Char(',') + one(j)),
                 ffnActivationText(modelBlock(), br, i, j), I, vectorText(br.ffnHidden.row(i)));
    switch (a) {
    case attn::Activation::Relu:
        step.why = tr("ReLU keeps the positive numbers and sets the negative ones to 0: without "
                      "a bend between the two layers they would be one linear map.");
        break;
    case attn::Activation::Gelu:
        step.why = tr("GELU is a smooth ReLU: it weights x by Φ(x), the probability that a "
                      "standard normal number is below x, so small negative numbers pass a "
                      "little.");
        break;
    case attn::Activation::GeluTanh:
        step.why = tr("GELU is a smooth ReLU: x weighted by Φ(x), here in GPT-2's tanh form, "
                      "which approximates the erf form to about 0.001.");
        break;
    }
    step.matrices << shown(tr("row %1 of F").arg(I),
                           matrixFigure(tr("F, before"), br.ffnPreActivation, s, true),
                           rowCells(i, static_cast<int>(br.ffnHidden.cols())))
                  << shown(tr("row %1 of G").arg(I),
                           matrixFigure(tr("G = %1(F)").arg(kindName(a)), br.ffnHidden, s, true),
                           {QPoint(j, i)});
    return step;
}

WalkStep Walk::ffnSecondStep() const
{
    WalkStep step;
    const attn::BlockResult& br = blockResult();
    const attn::FeedForward& f = *modelBlock().ffn;
    step.title = tr("Feed-forward network: second layer");
    step.formula =
        tr("%1 = %2 · W<sub>2</sub>[:, %3] + b<sub>2 %3</sub><br>&nbsp;&nbsp;&nbsp;= %4")
            .arg(sub(QStringLiteral("f"), I + QLatin1Char(',') + one(c)),
                 sub(QStringLiteral("g"), I), one(c), ffnOutputText(modelBlock(), br, i, c));
    step.why = tr("The second layer brings the d<sub>ff</sub> numbers back to d<sub>model</sub>: "
                  "what the FFN adds to token %1's vector.")
                   .arg(I);
    step.matrices << shown(tr("row %1 of G").arg(I), matrixFigure(tr("G"), br.ffnHidden, s, true),
                           rowCells(i, static_cast<int>(br.ffnHidden.cols())))
                  << shown(tr("× column %1 of W<sub>2</sub>").arg(one(c)),
                           matrixFigure(tr("W_2 (d_ff × d_model)"), f.w2, s, false),
                           columnCells(c, f.width()))
                  << shown(tr("= FFN"),
                           matrixFigure(tr("FFN = G W_2 + b_2"), br.ffnOutput, s, true),
                           {QPoint(c, i)});
    return step;
}

WalkStep Walk::blockOutputStep() const
{
    WalkStep step;
    const attn::Matrix& out = blockResult().output;
    const bool last = block + 1 == model->layerCount();
    step.title = tr("Output of block %1").arg(block + 1);
    step.formula = tr("row %1 of H<sub>%2</sub> = %3<br>dimension %4: <b>%5</b>")
                       .arg(I)
                       .arg(block + 1)
                       .arg(vectorText(out.row(i)), one(c), formatFormula(out(i, c)));
    step.why = last ? tr("The output of the last block: the next-token prediction is made from it.")
                    : tr("The output of block %1 is the input of block %2, which repeats the "
                         "same steps with its own weights.")
                          .arg(block + 1)
                          .arg(block + 2);
    step.matrices << shown(
        tr("row %1").arg(I),
        matrixFigure(tr("H_%1 — output of block %1").arg(block + 1), out, s, true),
        rowCells(i, s.dModel));
    return step;
}

WalkStep Walk::logitsStep() const
{
    WalkStep step;
    const attn::ModelResult& mr = *modelResult;
    const attn::Prediction& top = mr.topK[i].front();
    const QString word = tokenLabel(*model, model->vocabulary[top.id]).toHtmlEscaped();
    const bool tied = model->unembedding == attn::UnembeddingKind::Tied;
    step.title = tr("Logits: a score for every token of the vocabulary");
    step.formula = tr("logit of “%1” = %2 · %3 = %4<br>%5 logits for token %6, one per word of the "
                      "vocabulary; the %7 largest are shown")
                       .arg(word, sub(QStringLiteral("h"), QStringLiteral("f,") + I),
                            tied ? tr("its embedding e") : tr("its column of W<sub>U</sub>"),
                            logitText(*model, mr, i, top.id))
                       .arg(mr.logits.cols())
                       .arg(I)
                       .arg(mr.topK[i].size());
    step.why = tied ? tr("The unembedding is tied to the embeddings (as in GPT-2): a logit is the "
                         "dot product of the final vector with a token's embedding, large when "
                         "the two point the same way.")
                    : tr("The unembedding W<sub>U</sub> turns the d<sub>model</sub> numbers into "
                         "one score per vocabulary entry.");
    const HeatmapData logits = logitsFigure(*model, mr, i, s);
    step.matrices << shown(tr("row %1 of H<sub>f</sub>").arg(I),
                           matrixFigure(tr("H_f — final vectors"), mr.final, s, true),
                           rowCells(i, s.dModel))
                  << shown(tr("row %1 of the logits").arg(I), logits,
                           rowCells(i, static_cast<int>(logits.values.cols())));
    return step;
}

WalkStep Walk::probabilitiesStep() const
{
    WalkStep step;
    const attn::ModelResult& mr = *modelResult;
    const attn::Prediction& top = mr.topK[i].front();
    const QString word = tokenLabel(*model, model->vocabulary[top.id]).toHtmlEscaped();
    QStringList list;
    for (const attn::Prediction& p : mr.topK[i]) {
        if (list.size() == kMaxListed)
            break;
        list << QStringLiteral("%1 %2").arg(
            tokenLabel(*model, model->vocabulary[p.id]).toHtmlEscaped(), formatFormula(p.p));
    }
    step.title = tr("Probabilities of the next token");
    step.formula =
        tr("p(“%1” | %2) = %3<br>most likely next tokens: %4")
            .arg(word, token, probabilityText(mr, i, top.id), list.join(QStringLiteral(", ")));
    step.why = tr("Softmax over the whole vocabulary turns the logits into probabilities that add "
                  "up to 1: the model's guess of the token after %1.")
                   .arg(token);
    step.matrices << shown(tr("the likeliest next tokens"), probabilitiesFigure(*model, mr, i),
                           {QPoint(0, 0)});
    return step;
}

} // namespace av
