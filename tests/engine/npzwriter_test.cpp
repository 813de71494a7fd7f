// NpzWriter read back with libzip: entry names, stored (not deflated), the .npy headers byte for
// byte, the data, and what a failed commit leaves. tests/engine/check_npz.py has numpy read one.
#include "npzwriter.h"
#include "testutil.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <sys/resource.h>
#include <zip.h>

namespace attn {
namespace {

namespace fs = std::filesystem;

struct ZipEntry
{
    std::string name;
    std::uint16_t compMethod = 0;
    std::string bytes;
};

/// Every entry of the archive at PATH, in the order of its central directory.
std::vector<ZipEntry> readZip(const std::string& path)
{
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (archive == nullptr) {
        ADD_FAILURE() << "zip_open(" << path << ") failed with libzip error " << code;
        return {};
    }
    std::vector<ZipEntry> entries;
    const zip_int64_t n = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        EXPECT_EQ(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st), 0);
        ZipEntry entry{st.name, st.comp_method, std::string(st.size, '\0')};
        zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        EXPECT_NE(file, nullptr);
        if (file != nullptr) {
            EXPECT_EQ(zip_fread(file, entry.bytes.data(), st.size),
                      static_cast<zip_int64_t>(st.size));
            zip_fclose(file);
        }
        entries.push_back(std::move(entry));
    }
    zip_discard(archive);
    return entries;
}

std::string bytesOf(const void* data, std::size_t size)
{
    return std::string(static_cast<const char*>(data), size);
}

/// The header numpy 1.24 reads (and, but for its growth spaces, writes) for DICT.
std::string npyHeader(const std::string& dict)
{
    std::string text = dict;
    while ((10 + text.size() + 1) % 64 != 0)
        text += ' ';
    text += '\n';
    std::string header("\x93NUMPY\x01\x00", 8);
    header += static_cast<char>(text.size() & 0xff);
    header += static_cast<char>(text.size() >> 8);
    return header + text;
}

class NpzWriterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "attnviz-npz-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    std::vector<std::string> filesInDir() const
    {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(m_dir))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path m_dir;
};

Eigen::MatrixXd scores()
{
    Eigen::MatrixXd m(3, 4);
    for (Eigen::Index r = 0; r < 3; ++r)
        for (Eigen::Index c = 0; c < 4; ++c)
            m(r, c) = static_cast<double>(r) + 10.0 * static_cast<double>(c) + 0.25;
    // What a JSON dump cannot hold, an .npy can.
    m(0, 1) = -std::numeric_limits<double>::infinity();
    m(2, 3) = std::numeric_limits<double>::quiet_NaN();
    return m;
}

TEST_F(NpzWriterTest, WritesEachArrayAsAStoredNpyEntryWithItsHeaderAndBytes)
{
    const Eigen::MatrixXd f64 = scores();
    Eigen::MatrixXf f32(2, 5);
    f32 << 1.5f, -2.0f, 3.25f, 0.0f, 1e-30f, 6.0f, 7.0f, -8.5f, 9.0f, 1e30f;
    const MaskMatrix mask = MaskMatrix::Ones(3, 3).triangularView<Eigen::Lower>();
    const std::vector<std::int64_t> ids{0, -1, std::int64_t{1} << 40,
                                        std::numeric_limits<std::int64_t>::min()};

    NpzWriter writer(path("pass.npz"));
    writer.add("scores", f64);
    writer.add("weights32", f32);
    writer.add("mask", mask);
    writer.add("token_ids", ids);
    EXPECT_FALSE(fs::exists(path("pass.npz"))) << "nothing is written before commit()";
    writer.commit();

    const auto entries = readZip(path("pass.npz"));
    ASSERT_EQ(entries.size(), 4u);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"scores.npy", npyHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (3, 4), }") +
                           bytesOf(f64.data(), 12 * sizeof(double))},
        {"weights32.npy", npyHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 5), }") +
                              bytesOf(f32.data(), 10 * sizeof(float))},
        {"mask.npy", npyHeader("{'descr': '|u1', 'fortran_order': True, 'shape': (3, 3), }") +
                         bytesOf(mask.data(), 9)},
        {"token_ids.npy", npyHeader("{'descr': '<i8', 'fortran_order': False, 'shape': (4,), }") +
                              bytesOf(ids.data(), 4 * sizeof(std::int64_t))},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i].first);
        EXPECT_EQ(entries[i].name, expected[i].first);
        EXPECT_EQ(entries[i].compMethod, ZIP_CM_STORE) << "numpy.savez stores, never deflates";
        EXPECT_EQ(entries[i].bytes, expected[i].second);
    }
    // The header literally, once, independent of the helper above: 10 + 58 + 1 bytes round up
    // to 128, so 118 (0x76) after the length field, 59 of them spaces.
    const std::string header = entries[0].bytes.substr(0, 128);
    EXPECT_EQ(header.substr(0, 10), std::string("\x93NUMPY\x01\x00\x76\x00", 10));
    EXPECT_EQ(header.substr(10), "{'descr': '<f8', 'fortran_order': True, 'shape': (3, 4), }" +
                                     std::string(59, ' ') + "\n");
}

TEST_F(NpzWriterTest, LargeBorrowedMatrixAndEmptyShapesRoundTrip)
{
    // 480 000 bytes: libzip reads the entry in many chunks, one of them across the header's end.
    Eigen::MatrixXd big(300, 200);
    for (Eigen::Index i = 0; i < big.size(); ++i)
        big.data()[i] = static_cast<double>(i) * 0.5 - 7.0;
    const Eigen::MatrixXd none(0, 4);
    const std::vector<std::int64_t> noIds;

    NpzWriter writer(path("big.npz"));
    writer.add("big", big);
    writer.add("none", none);
    writer.add("no_ids", noIds);
    writer.commit();

    const auto entries = readZip(path("big.npz"));
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].bytes.size(), 128u + big.size() * sizeof(double));
    EXPECT_EQ(entries[0].bytes.substr(128), bytesOf(big.data(), big.size() * sizeof(double)));
    EXPECT_EQ(entries[0].bytes.substr(0, 128),
              npyHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (300, 200), }"));
    EXPECT_EQ(entries[1].bytes,
              npyHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (0, 4), }"));
    EXPECT_EQ(entries[2].bytes,
              npyHeader("{'descr': '<i8', 'fortran_order': False, 'shape': (0,), }"));
}

TEST_F(NpzWriterTest, OwnsWhatIsMovedIn)
{
    const Eigen::MatrixXd expected = scores() * 2.0;
    const std::vector<std::int64_t> expectedIds{4, 5, 6};
    NpzWriter writer(path("owned.npz"));
    {
        Eigen::MatrixXd local = scores();
        std::vector<std::int64_t> ids = expectedIds;
        writer.add("doubled", Eigen::MatrixXd(local * 2.0)); // an expression, made a matrix
        writer.add("ids", std::move(ids));
        local.setZero();
    }
    writer.commit();
    const auto entries = readZip(path("owned.npz"));
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].bytes.substr(128), bytesOf(expected.data(), 12 * sizeof(double)));
    EXPECT_EQ(entries[1].bytes.substr(128), bytesOf(expectedIds.data(), 3 * sizeof(std::int64_t)));
}

TEST_F(NpzWriterTest, ReplacesAnExistingFile)
{
    {
        std::ofstream(path("old.npz")) << "not a zip at all";
    }
    NpzWriter writer(path("old.npz"));
    writer.add("scores", scores());
    writer.commit();
    const auto entries = readZip(path("old.npz"));
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].name, "scores.npy");
    EXPECT_EQ(filesInDir(), std::vector<std::string>{"old.npz"}) << "no temporary file is left";
}

TEST_F(NpzWriterTest, CommitIntoAMissingFolderThrowsAndCreatesNothing)
{
    const std::string target = path("missing/pass.npz");
    NpzWriter writer(target);
    writer.add("scores", scores());
    try {
        writer.commit();
        FAIL() << "commit() into a missing folder succeeded";
    } catch (const NpzError& e) {
        EXPECT_EQ(e.path(), target);
        EXPECT_EQ(std::string(e.what()).rfind(target + ": ", 0), 0u) << e.what();
    }
    EXPECT_FALSE(fs::exists(path("missing")));
    EXPECT_TRUE(filesInDir().empty());
}

TEST_F(NpzWriterTest, FailedCommitLeavesTheExistingFileAsItWas)
{
    // libzip's temporary file is "PATH.XXXXXX": 7 characters past a 254-character name is past
    // NAME_MAX, so creating it fails, even for root, who may write anywhere.
    const std::string target = path(std::string(250, 'a') + ".npz");
    const std::string old = "the previous archive";
    {
        std::ofstream(target, std::ios::binary) << old;
    }
    NpzWriter writer(target);
    writer.add("scores", scores());
    EXPECT_THROW(writer.commit(), NpzError);
    EXPECT_EQ(test::readText(target), old);
    EXPECT_EQ(filesInDir().size(), 1u);
}

TEST_F(NpzWriterTest, WriteErrorMidArchiveLeavesNoPartialFile)
{
    // A file size limit makes libzip's writes fail part way through the 480 kB entry (EFBIG;
    // SIGXFSZ ignored so that the process lives), as a full disk would.
    const std::string target = path("pass.npz");
    const std::string old = "the previous archive";
    {
        std::ofstream(target, std::ios::binary) << old;
    }
    Eigen::MatrixXd big = Eigen::MatrixXd::Constant(300, 200, 1.0);
    NpzWriter writer(target);
    writer.add("big", big);

    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 16 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    bool threw = false;
    try {
        writer.commit();
    } catch (const NpzError&) {
        threw = true;
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    EXPECT_TRUE(threw);
    EXPECT_EQ(test::readText(target), old);
    EXPECT_EQ(filesInDir(), std::vector<std::string>{"pass.npz"}) << "the temporary file is gone";

    // The writer still holds its arrays: a commit without the limit succeeds.
    writer.commit();
    EXPECT_EQ(readZip(target).size(), 1u);
}

TEST_F(NpzWriterTest, RefusesBadNamesAnEmptyArchiveAndASecondCommit)
{
    NpzWriter writer(path("pass.npz"));
    EXPECT_THROW(writer.commit(), NpzError) << "libzip would delete PATH instead";
    EXPECT_THROW(writer.add("", scores()), NpzError);
    EXPECT_THROW(writer.add(std::string("a\0b", 3), scores()), NpzError);
    writer.add("scores", scores());
    Eigen::MatrixXd kept = scores();
    EXPECT_THROW(writer.add("scores", std::move(kept)), NpzError);
    EXPECT_EQ(kept.size(), 12) << "a refused rvalue is not moved from";
    writer.commit();
    EXPECT_THROW(writer.commit(), std::logic_error);
    EXPECT_THROW(writer.add("more", scores()), std::logic_error);
}

TEST_F(NpzWriterTest, AWriterNeverCommittedWritesNothing)
{
    {
        NpzWriter writer(path("pass.npz"));
        writer.add("scores", scores());
    }
    EXPECT_TRUE(filesInDir().empty());
}

} // namespace
} // namespace attn
