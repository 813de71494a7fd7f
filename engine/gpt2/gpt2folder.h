#pragma once
// A GPT-2 checkpoint folder as the Hugging Face hub publishes it (docs/gpt2.md): config.json,
// model.safetensors, vocab.json and merges.txt, read as a version 2 Model (pre-norm blocks,
// learned positions, a causal mask, GELU, the final norm and the tied unembedding).

#include "model.h"

#include <string>
#include <string_view>

namespace attn {

/// What config.json says about the model's sizes.
struct Gpt2Config
{
    int layers = 0;    ///< n_layer
    int heads = 0;     ///< n_head
    int dModel = 0;    ///< n_embd
    int positions = 0; ///< n_positions (n_ctx in old files)
    int vocabulary = 0;
    int dFf = 0; ///< n_inner, 4 · n_embd when null
    Real eps = 1e-5;
    Activation activation = Activation::GeluTanh;
};

/// Parses config.json's text; source names it in errors ("DIR/config.json: n_head: …").
Gpt2Config parseGpt2Config(std::string_view text, const std::string& source);

/// What a text of more tokens than the model's positions gets.
enum class TextLimit
{
    Refuse,  ///< SessionError "text" (the command line)
    Truncate ///< its first n_positions tokens (the window, and the sessions it saved)
};

/// Opens the folder and tokenises text with its tokeniser. Every shape is checked against
/// config.json before a weight is converted; errors throw SessionError naming the file and
/// the tensor or field ("DIR/model.safetensors: h.0.attn.c_attn.weight: expected …").
Model readGpt2Folder(const std::string& dir, std::string_view text,
                     TextLimit limit = TextLimit::Refuse);

} // namespace attn
