// The safetensors reader: every refusal of a header built here in memory names its field, the
// file-level refusals name the file, and the values of files NumPy wrote
// (make_safetensors_fixture.py) read back bit for bit as NumPy converted them.

#include "safetensors.h"
#include "sessionerror.h"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace attn {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

/// What parseSafetensorsHeader throws for header, or "" when it accepts it.
std::string refusal(std::string_view header, std::uint64_t dataSize)
{
    try {
        parseSafetensorsHeader(header, dataSize);
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

/// A header of one tensor "a" with that entry.
std::string one(const std::string& entry)
{
    return "{\"a\":" + entry + "}";
}

std::string startOf(const std::string& s, std::size_t n)
{
    return s.substr(0, n);
}

#define EXPECT_STARTS_WITH(text, prefix)                                                           \
    EXPECT_EQ(startOf(text, std::string(prefix).size()), std::string(prefix)) << (text)

// --- The header -----------------------------------------------------------------------------

TEST(SafetensorsHeader, AcceptsTensorsInTheOrderOfTheirOffsets)
{
    const std::string header =
        R"({"__metadata__":{"format":"pt"},
            "z":{"dtype":"F16","shape":[2,3],"data_offsets":[0,12]},
            "a":{"dtype":"BF16","shape":[],"data_offsets":[36,38]},
            "m":{"dtype":"F32","shape":[6],"data_offsets":[12,36]},
            "i":{"dtype":"I64","shape":[1,1],"data_offsets":[38,46]}})";
    const std::vector<TensorInfo> t = parseSafetensorsHeader(header, 46);
    ASSERT_EQ(t.size(), 4u);
    EXPECT_EQ(t[0].name, "z");
    EXPECT_EQ(t[0].type, TensorType::F16);
    EXPECT_EQ(t[0].shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(t[0].count(), 6);
    EXPECT_EQ(t[1].name, "m");
    EXPECT_EQ(t[1].begin, 12u);
    EXPECT_EQ(t[1].end, 36u);
    EXPECT_EQ(t[2].name, "a");
    EXPECT_EQ(t[2].type, TensorType::BF16);
    EXPECT_TRUE(t[2].shape.empty());
    EXPECT_EQ(t[2].count(), 1); // a scalar
    EXPECT_EQ(t[3].name, "i");
    EXPECT_EQ(t[3].type, TensorType::I64);
}

TEST(SafetensorsHeader, SkipsMetadataWhateverItHolds)
{
    EXPECT_TRUE(parseSafetensorsHeader(R"({"__metadata__":{"format":"pt","n":"3"}})", 0).empty());
    EXPECT_TRUE(parseSafetensorsHeader(R"({"__metadata__":[1,2]})", 0).empty());
}

TEST(SafetensorsHeader, AcceptsTrailingSpacesAndGaps)
{
    // The reference writer pads the header with spaces to a multiple of 8 bytes.
    EXPECT_EQ(refusal(one(R"({"dtype":"U8","shape":[3],"data_offsets":[5,8]})") + "     ", 10), "");
}

TEST(SafetensorsHeader, EmptyTensorsOverlapNothing)
{
    const std::vector<TensorInfo> t = parseSafetensorsHeader(
        R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},
            "e":{"dtype":"F32","shape":[0,3],"data_offsets":[8,8]},
            "f":{"dtype":"F64","shape":[4611686018427387904,4611686018427387904,0],
                 "data_offsets":[16,16]}})",
        16);
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[1].name, "e");
    EXPECT_EQ(t[1].count(), 0);
    EXPECT_EQ(t[2].count(), 0); // a zero dimension, however large the others
}

TEST(SafetensorsHeader, RefusesTextThatIsNotJson)
{
    EXPECT_STARTS_WITH(refusal("{\"a\":", 0), "header: not JSON: ");
    EXPECT_STARTS_WITH(refusal("", 0), "header: not JSON: ");
    EXPECT_STARTS_WITH(refusal(std::string("{\"a\xff\":1}"), 0), "header: not JSON: ");
    EXPECT_STARTS_WITH(refusal(R"({"a":1e400})", 0), "header: not JSON: ");
}

TEST(SafetensorsHeader, RefusesJsonThatIsNotAnObject)
{
    EXPECT_EQ(refusal("[1, 2]", 0),
              "header: expected a JSON object of tensor name → {dtype, shape, "
              "data_offsets}, got an array");
    EXPECT_STARTS_WITH(refusal("\"F32\"", 0), "header: expected a JSON object");
}

TEST(SafetensorsHeader, RefusesAnEntryThatIsNotAnObject)
{
    EXPECT_EQ(refusal(R"({"wte.weight":[0, 4]})", 4),
              "wte.weight: expected an object of dtype, shape and data_offsets, got an array");
    EXPECT_STARTS_WITH(refusal(R"({"wte.weight":null})", 4), "wte.weight: expected an object");
}

TEST(SafetensorsHeader, RefusesAMissingOrUnknownDtype)
{
    EXPECT_EQ(refusal(one(R"({"shape":[1],"data_offsets":[0,4]})"), 4), "a.dtype: missing");
    EXPECT_EQ(refusal(one(R"({"dtype":4,"shape":[1],"data_offsets":[0,4]})"), 4),
              "a.dtype: expected a string such as \"F32\", got 4");
    EXPECT_STARTS_WITH(refusal(one(R"({"dtype":"F17","shape":[1],"data_offsets":[0,4]})"), 4),
                       "a.dtype: unknown dtype \"F17\" (known: F32, F16, BF16, F64");
    EXPECT_STARTS_WITH(refusal(one(R"({"dtype":"f32","shape":[1],"data_offsets":[0,4]})"), 4),
                       "a.dtype: unknown dtype \"f32\"");
}

TEST(SafetensorsHeader, RefusesAShapeThatIsNotAList)
{
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","data_offsets":[0,4]})"), 4), "a.shape: missing");
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":3,"data_offsets":[0,12]})"), 12),
              "a.shape: expected a list of non-negative integers, got 3");
}

TEST(SafetensorsHeader, RefusesANegativeDimension)
{
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[2,-3],"data_offsets":[0,24]})"), 24),
              "a.shape: dimension 1 (-3) is negative");
}

TEST(SafetensorsHeader, RefusesADimensionThatIsNotAnInteger)
{
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[2.5],"data_offsets":[0,8]})"), 8),
              "a.shape: dimension 0 (2.5) is not an integer of at most 64 bits");
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[2.0],"data_offsets":[0,8]})"), 8),
              "a.shape: dimension 0 (2.0) is not an integer of at most 64 bits");
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":["2"],"data_offsets":[0,8]})"), 8),
              "a.shape: dimension 0 (\"2\") is not an integer");
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[[2]],"data_offsets":[0,8]})"), 8),
              "a.shape: dimension 0 (an array) is not an integer");
}

TEST(SafetensorsHeader, RefusesADimensionBeyond63Bits)
{
    EXPECT_EQ(
        refusal(one(R"({"dtype":"U8","shape":[9223372036854775808],"data_offsets":[0,8]})"), 8),
        "a.shape: dimension 0 (9223372036854775808) is above 2^63 − 1");
    // Beyond 2^64 − 1 nlohmann keeps the number as a double.
    EXPECT_EQ(
        refusal(one(R"({"dtype":"U8","shape":[18446744073709551616],"data_offsets":[0,8]})"), 8),
        "a.shape: dimension 0 (1.8446744073709552e+19) is not an integer of at most 64 bits");
}

TEST(SafetensorsHeader, RefusesAShapeWhoseProductOverflows)
{
    EXPECT_EQ(
        refusal(one(R"({"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,8]})"), 8),
        "a.shape: [4294967296, 4294967296] has more than 2^63 − 1 elements");
    EXPECT_EQ(
        refusal(one(R"({"dtype":"U8","shape":[3037000500,3037000500],"data_offsets":[0,8]})"), 8),
        "a.shape: [3037000500, 3037000500] has more than 2^63 − 1 elements");
}

TEST(SafetensorsHeader, RefusesASizeInBytesThatOverflows)
{
    // 2^62 elements fit, but not their 2^64 bytes.
    EXPECT_EQ(
        refusal(one(R"({"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,8]})"), 8),
        "a.data_offsets: [0, 8] holds 8 bytes, but [4611686018427387904] of F32 needs more "
        "than 2^64");
}

TEST(SafetensorsHeader, RefusesDataOffsetsThatAreNotTwoIntegers)
{
    const auto entry = [](const std::string& offsets) {
        return one(R"({"dtype":"F32","shape":[1],"data_offsets":)" + offsets + "}");
    };
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[1]})"), 4), "a.data_offsets: missing");
    EXPECT_EQ(refusal(entry("[0]"), 4),
              "a.data_offsets: expected [begin, end], two non-negative integers, got a list of 1");
    EXPECT_EQ(refusal(entry("[0,4,8]"), 8),
              "a.data_offsets: expected [begin, end], two non-negative integers, got a list of 3");
    EXPECT_EQ(refusal(entry("{\"begin\":0}"), 4),
              "a.data_offsets: expected [begin, end], two non-negative integers, got an object");
    EXPECT_EQ(refusal(entry("[-4,0]"), 4), "a.data_offsets: begin (-4) is negative");
    EXPECT_EQ(refusal(entry("[0,4.0]"), 4),
              "a.data_offsets: end (4.0) is not an integer of at most 64 bits");
    EXPECT_EQ(refusal(entry("[0,1e3]"), 4000),
              "a.data_offsets: end (1000.0) is not an integer of at most 64 bits");
    EXPECT_EQ(refusal(entry("[0,18446744073709551620]"), 4),
              "a.data_offsets: end (1.8446744073709552e+19) is not an integer of at most 64 bits");
    EXPECT_EQ(refusal(entry("[0,true]"), 4), "a.data_offsets: end (a boolean) is not an integer");
}

TEST(SafetensorsHeader, RefusesDataOffsetsThatBeginAfterTheyEnd)
{
    EXPECT_EQ(refusal(one(R"({"dtype":"F32","shape":[1],"data_offsets":[8,4]})"), 8),
              "a.data_offsets: [8, 4] begins after it ends");
}

TEST(SafetensorsHeader, RefusesDataOffsetsPastTheData)
{
    EXPECT_EQ(refusal(R"({"h.0.attn.c_attn.weight":{"dtype":"F32","shape":[32,32],
                          "data_offsets":[0,4096]}})",
                      4000),
              "h.0.attn.c_attn.weight.data_offsets: [0, 4096] ends past the data (4000 bytes)");
    EXPECT_EQ(refusal(one(R"({"dtype":"U8","shape":[1],
                             "data_offsets":[18446744073709551614,18446744073709551615]})"),
                      8),
              "a.data_offsets: [18446744073709551614, 18446744073709551615] ends past the data "
              "(8 bytes)");
}

TEST(SafetensorsHeader, RefusesDataOffsetsOfTheWrongSize)
{
    EXPECT_EQ(refusal(one(R"({"dtype":"F16","shape":[2,3],"data_offsets":[0,24]})"), 24),
              "a.data_offsets: [0, 24] holds 24 bytes, but [2, 3] of F16 needs 12");
    EXPECT_EQ(refusal(one(R"({"dtype":"I64","shape":[],"data_offsets":[0,4]})"), 4),
              "a.data_offsets: [0, 4] holds 4 bytes, but [] of I64 needs 8");
}

TEST(SafetensorsHeader, RefusesOverlappingTensors)
{
    EXPECT_EQ(refusal(R"({"wte.weight":{"dtype":"F32","shape":[6],"data_offsets":[0,24]},
                          "wpe.weight":{"dtype":"F32","shape":[6],"data_offsets":[16,40]}})",
                      40),
              "wpe.weight.data_offsets: [16, 40] overlaps wte.weight's [0, 24]");
    // The same bytes twice, and a tensor inside another.
    EXPECT_EQ(refusal(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},
                          "b":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}})",
                      4),
              "b.data_offsets: [0, 4] overlaps a's [0, 4]");
    EXPECT_EQ(refusal(R"({"big":{"dtype":"U8","shape":[10],"data_offsets":[0,10]},
                          "mid":{"dtype":"U8","shape":[2],"data_offsets":[4,6]},
                          "end":{"dtype":"U8","shape":[2],"data_offsets":[10,12]}})",
                      12),
              "mid.data_offsets: [4, 6] overlaps big's [0, 10]");
    // Checked against the tensor that reaches furthest, not only the previous one.
    EXPECT_EQ(refusal(R"({"big":{"dtype":"U8","shape":[10],"data_offsets":[0,10]},
                          "mid":{"dtype":"U8","shape":[2],"data_offsets":[2,4]},
                          "late":{"dtype":"U8","shape":[4],"data_offsets":[6,10]}})",
                      12),
              "mid.data_offsets: [2, 4] overlaps big's [0, 10]");
}

TEST(SafetensorsHeader, SplitsAFileImage)
{
    const std::string image = std::string("\x03\0\0\0\0\0\0\0", 8) + "{} " + "data";
    const SafetensorsParts parts = splitSafetensors(image);
    EXPECT_EQ(parts.header, "{} ");
    EXPECT_EQ(parts.data, "data");
}

std::string splitRefusal(std::string_view image)
{
    try {
        splitSafetensors(image);
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

TEST(SafetensorsHeader, RefusesAnImageShorterThanTheLength)
{
    EXPECT_EQ(splitRefusal(std::string("\x02\0\0\0\0", 5)),
              "header length: the file has 5 bytes, fewer than the 8 that give the header's "
              "length");
    EXPECT_EQ(splitRefusal(""), "header length: the file has 0 bytes, fewer than the 8 that give "
                                "the header's length");
}

TEST(SafetensorsHeader, RefusesAHeaderLengthPastTheEnd)
{
    EXPECT_EQ(splitRefusal(std::string("\x05\0\0\0\0\0\0\0{}", 10)),
              "header length: 5 bytes runs past the end of the file (2 bytes follow the length)");
    EXPECT_EQ(splitRefusal(std::string(8, '\xff') + "{}"),
              "header length: 18446744073709551615 bytes runs past the end of the file (2 bytes "
              "follow the length)");
}

TEST(SafetensorsHeader, RefusesAHeaderAbove100MB)
{
    std::string image(8 + 100'000'001, ' ');
    const std::uint64_t length = 100'000'001;
    for (int i = 0; i < 8; ++i)
        image[i] = static_cast<char>(length >> (8 * i) & 0xff);
    EXPECT_EQ(splitRefusal(image),
              "header length: 100000001 bytes is more than the format's 100 MB");
}

// --- Files ------------------------------------------------------------------------------------

/// A file of this test's own in the scratch folder (tests may run in parallel).
std::string scratchFile(const std::string& contents, const std::string& suffix = "")
{
    const fs::path dir = ATTNVIZ_SAFETENSORS_SCRATCH_DIR;
    fs::create_directories(dir);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const fs::path path = dir / (std::string(info->name()) + suffix + ".safetensors");
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
}

std::string openRefusal(const std::string& path)
{
    try {
        SafetensorsFile file(path);
    } catch (const SessionError& e) {
        return e.what();
    }
    return "";
}

std::string lengthBytes(std::uint64_t n)
{
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[i] = static_cast<char>(n >> (8 * i) & 0xff);
    return s;
}

TEST(SafetensorsFile, RefusesAMissingFile)
{
    const std::string path = std::string(ATTNVIZ_SAFETENSORS_SCRATCH_DIR) + "/no-such.safetensors";
    EXPECT_EQ(openRefusal(path), path + ": cannot be opened (No such file or directory)");
}

TEST(SafetensorsFile, RefusesAFolder)
{
    fs::create_directories(ATTNVIZ_SAFETENSORS_SCRATCH_DIR);
    EXPECT_EQ(openRefusal(ATTNVIZ_SAFETENSORS_SCRATCH_DIR),
              ATTNVIZ_SAFETENSORS_SCRATCH_DIR ": cannot be read (not a regular file)");
}

TEST(SafetensorsFile, RefusesAnUnreadableFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root reads files whatever their mode";
    const std::string path = scratchFile(lengthBytes(2) + "{}");
    fs::permissions(path, fs::perms::none);
    EXPECT_EQ(openRefusal(path), path + ": cannot be opened (Permission denied)");
    fs::permissions(path, fs::perms::owner_all);
}

TEST(SafetensorsFile, RefusesAShortOrEmptyFile)
{
    const std::string path = scratchFile(std::string("\x10\0\0", 3));
    EXPECT_EQ(openRefusal(path), path + ": header length: the file has 3 bytes, fewer than the 8 "
                                        "that give the header's length");
    const std::string empty = scratchFile("", "-empty");
    EXPECT_EQ(openRefusal(empty), empty + ": header length: the file has 0 bytes, fewer than the "
                                          "8 that give the header's length");
}

TEST(SafetensorsFile, RefusesAHeaderLengthPastTheEnd)
{
    const std::string path = scratchFile(lengthBytes(1000) + "{\"a\":");
    EXPECT_EQ(openRefusal(path), path + ": header length: 1000 bytes runs past the end of the "
                                        "file (5 bytes follow the length)");
    const std::string absurd = scratchFile(lengthBytes(~std::uint64_t{0}) + "{}", "-absurd");
    EXPECT_EQ(openRefusal(absurd), absurd + ": header length: 18446744073709551615 bytes runs "
                                            "past the end of the file (2 bytes follow the length)");
}

TEST(SafetensorsFile, RefusesABadHeaderNamingTheFileAndTheField)
{
    const std::string header = R"({"h.0.attn.c_attn.weight":{"dtype":"F32","shape":[32,32],)"
                               R"("data_offsets":[0,4096]}})";
    const std::string path =
        scratchFile(lengthBytes(header.size()) + header + std::string(4000, 'x'));
    EXPECT_EQ(openRefusal(path), path + ": h.0.attn.c_attn.weight.data_offsets: [0, 4096] ends "
                                        "past the data (4000 bytes)");
}

TEST(SafetensorsFile, ReadRefusesATensorOutsideTheFile)
{
    const std::string header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    const std::string path =
        scratchFile(lengthBytes(header.size()) + header + std::string(8, '\0'));
    const SafetensorsFile file(path);
    TensorInfo other = *file.find("a");
    other.begin = 4;
    other.end = 12;
    float out[2] = {};
    try {
        file.read(other, out);
        FAIL() << "read a tensor past the data";
    } catch (const SessionError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path + ": a.data_offsets: [4, 12] does not hold [2] of F32 within the data (8 "
                         "bytes)");
    }
}

// --- Values NumPy wrote -------------------------------------------------------------------

Json expected()
{
    std::ifstream in(ATTNVIZ_SAFETENSORS_FIXTURE_DIR "/expected.json");
    EXPECT_TRUE(in) << "run the gpt2_safetensors_fixture test first";
    std::stringstream text;
    text << in.rdbuf();
    return Json::parse(text.str());
}

std::string fixture(const std::string& name)
{
    return std::string(ATTNVIZ_SAFETENSORS_FIXTURE_DIR) + "/" + name;
}

/// Checks file's tensors and values against the fixture's expectation for it.
void expectLikeNumPy(const SafetensorsFile& file, const Json& tensors)
{
    ASSERT_EQ(file.tensors().size(), tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const Json& want = tensors[i];
        const TensorInfo& got = file.tensors()[i]; // both in the order of the offsets
        const std::string name = want["name"];
        SCOPED_TRACE(file.path() + ": " + name);
        EXPECT_EQ(got.name, name);
        EXPECT_STREQ(tensorTypeName(got.type), want["dtype"].get<std::string>().c_str());
        EXPECT_EQ(got.shape, want["shape"].get<std::vector<std::int64_t>>());
        EXPECT_EQ(got.begin, want["begin"].get<std::uint64_t>());
        EXPECT_EQ(got.end, want["end"].get<std::uint64_t>());
        EXPECT_EQ(file.find(name), &got);
        if (want["bits"].is_null()) {
            std::vector<float> out(static_cast<std::size_t>(got.count()));
            try {
                file.read(got, out.data());
                ADD_FAILURE() << "read a tensor of " << tensorTypeName(got.type);
            } catch (const SessionError& e) {
                EXPECT_EQ(std::string(e.what()),
                          file.path() + ": " + name + ".dtype: " + tensorTypeName(got.type) +
                              " is not read: only F32, F16, BF16 and F64 tensors are");
            }
            continue;
        }
        const std::vector<std::uint32_t> bits = want["bits"];
        ASSERT_EQ(static_cast<std::size_t>(got.count()), bits.size());
        // One float more than the tensor, to see that read writes no further.
        std::vector<float> out(bits.size() + 1, 12345.0f);
        file.read(got, out.data());
        for (std::size_t k = 0; k < bits.size(); ++k) {
            float want = 0;
            std::memcpy(&want, &bits[k], 4);
            std::uint32_t gotBits = 0;
            std::memcpy(&gotBits, &out[k], 4);
            if (std::isnan(want))
                EXPECT_TRUE(std::isnan(out[k])) << "element " << k;
            else
                EXPECT_EQ(gotBits, bits[k]) << "element " << k << ": " << out[k] << " for " << want;
        }
        EXPECT_EQ(out.back(), 12345.0f);
    }
    EXPECT_EQ(file.find("no.such.tensor"), nullptr);
    EXPECT_EQ(file.find(""), nullptr);
}

TEST(SafetensorsValues, F32LikeNumPy)
{
    const SafetensorsFile file(fixture("f32.safetensors"));
    expectLikeNumPy(file, expected()["f32.safetensors"]);
}

TEST(SafetensorsValues, F16LikeNumPy)
{
    const SafetensorsFile file(fixture("f16.safetensors"));
    expectLikeNumPy(file, expected()["f16.safetensors"]);
}

TEST(SafetensorsValues, BF16LikeNumPy)
{
    const SafetensorsFile file(fixture("bf16.safetensors"));
    expectLikeNumPy(file, expected()["bf16.safetensors"]);
}

TEST(SafetensorsValues, MetadataF64AndIntegerTensorsLikeNumPy)
{
    const SafetensorsFile file(fixture("mixed.safetensors"));
    expectLikeNumPy(file, expected()["mixed.safetensors"]);
    ASSERT_NE(file.find("position_ids"), nullptr);
    EXPECT_EQ(file.find("__metadata__"), nullptr);
}

TEST(SafetensorsValues, AMovedFileStillReads)
{
    SafetensorsFile file(fixture("mixed.safetensors"));
    SafetensorsFile moved(std::move(file));
    EXPECT_TRUE(file.tensors().empty()); // NOLINT(bugprone-use-after-move): what is left
    expectLikeNumPy(moved, expected()["mixed.safetensors"]);
    SafetensorsFile other(fixture("f16.safetensors"));
    other = std::move(moved); // unmaps f16, takes mixed
    expectLikeNumPy(other, expected()["mixed.safetensors"]);
}

} // namespace
} // namespace attn
