#include "gemm.h"

#include "attention.h"

#include <cblas.h>
#include <mutex>

namespace attn {
namespace {

/// OpenBLAS keeps one global thread count: set once, to the engine's own.
void useEngineThreads()
{
    static std::once_flag once;
    std::call_once(once, [] { openblas_set_num_threads(defaultThreadCount()); });
}

} // namespace

template <>
void multiply<double>(MatrixOf<double>& out, const MatrixOf<double>& a, const MatrixOf<double>& b,
                      bool transposeB)
{
    if (transposeB)
        out.noalias() = a * b.transpose();
    else
        out.noalias() = a * b;
}

template <>
void multiply<float>(MatrixOf<float>& out, const MatrixOf<float>& a, const MatrixOf<float>& b,
                     bool transposeB)
{
    const Eigen::Index m = a.rows(), k = a.cols(), n = transposeB ? b.rows() : b.cols();
    if (2.0 * m * n * k < kBlasFlops || m == 0 || n == 0 || k == 0) {
        if (transposeB)
            out.noalias() = a * b.transpose();
        else
            out.noalias() = a * b;
        return;
    }
    useEngineThreads();
    out.resize(m, n);
    // Column-major, as Eigen stores them: leading dimensions are the row counts.
    cblas_sgemm(CblasColMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), 1.0f,
                a.data(), static_cast<blasint>(a.rows()), b.data(), static_cast<blasint>(b.rows()),
                0.0f, out.data(), static_cast<blasint>(out.rows()));
}

} // namespace attn
