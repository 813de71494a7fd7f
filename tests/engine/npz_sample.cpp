// npz-sample PATH: writes the archive that tests/engine/check_npz.py reads with numpy. Every
// value is a formula of its indices, so that the script computes the expected arrays itself.
#include "npzwriter.h"

#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: npz-sample PATH\n";
        return 2;
    }
    // scores[r, c] = r + 10 c + 0.25, with −∞ at (0, 1) and NaN at (2, 3).
    Eigen::MatrixXd scores(3, 4);
    for (Eigen::Index r = 0; r < scores.rows(); ++r)
        for (Eigen::Index c = 0; c < scores.cols(); ++c)
            scores(r, c) = static_cast<double>(r) + 10.0 * static_cast<double>(c) + 0.25;
    scores(0, 1) = -std::numeric_limits<double>::infinity();
    scores(2, 3) = std::numeric_limits<double>::quiet_NaN();
    // big: 300 × 200, the k-th number in column-major order is 0.5 k − 7.
    Eigen::MatrixXd big(300, 200);
    for (Eigen::Index k = 0; k < big.size(); ++k)
        big.data()[k] = 0.5 * static_cast<double>(k) - 7.0;
    // weights32[r, c] = (r − 2 c) / 4, exact in float32.
    Eigen::MatrixXf weights32(2, 5);
    for (Eigen::Index r = 0; r < weights32.rows(); ++r)
        for (Eigen::Index c = 0; c < weights32.cols(); ++c)
            weights32(r, c) = static_cast<float>(r - 2 * c) / 4.0f;
    // mask: causal, 1 where key j <= query i.
    const attn::MaskMatrix mask = attn::MaskMatrix::Ones(4, 4).triangularView<Eigen::Lower>();
    const std::vector<std::int64_t> ids{0, -1, std::int64_t{1} << 40,
                                        std::numeric_limits<std::int64_t>::min(),
                                        std::numeric_limits<std::int64_t>::max()};

    try {
        attn::NpzWriter writer(argv[1]);
        writer.add("scores", scores);
        writer.add("big", big);
        writer.add("weights32", weights32);
        writer.add("mask", mask);
        writer.add("token_ids", ids);
        writer.add("empty", Eigen::MatrixXd(0, 3));
        writer.add("héads/0", Eigen::MatrixXd(scores.topRows(2))); // a UTF-8 name with a '/'
        writer.commit();
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}
