#pragma once
// The kinds' file names ("scaled_dot", "gelu_tanh", ...), one table per kind, looked up both
// ways. Internal to the engine.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace attn {

template <typename Kind, std::size_t N>
using NameTable = std::array<std::pair<Kind, std::string_view>, N>;

template <typename Kind, std::size_t N>
std::string_view nameOf(const NameTable<Kind, N>& table, Kind kind)
{
    for (const auto& [k, name] : table)
        if (k == kind)
            return name;
    return {};
}

template <typename Kind, std::size_t N>
std::optional<Kind> kindOf(const NameTable<Kind, N>& table, std::string_view name)
{
    for (const auto& [k, n] : table)
        if (n == name)
            return k;
    return std::nullopt;
}

} // namespace attn
