#include "imagefile.h"

#include "sessionerror.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace av {

ImageSession readImageSession(const QString& path, int patch,
                              const attn::SessionOverrides& overrides)
{
    const std::string source = QDir::toNativeSeparators(path).toStdString();
    QImageReader reader(path);
    QImage image = reader.read();
    if (image.isNull())
        throw attn::SessionError(source, "not an image that can be read (PNG or JPEG): " +
                                             reader.errorString().toStdString());
    image = image.convertToFormat(QImage::Format_RGB32);
    attn::RgbImage rgb{image.width(), image.height(), {}};
    rgb.rgb.reserve(std::size_t(image.width()) * image.height() * 3);
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            rgb.rgb.insert(rgb.rgb.end(), {qRed(line[x]) / 255.0, qGreen(line[x]) / 255.0,
                                           qBlue(line[x]) / 255.0});
    }
    const std::uint64_t seed = overrides.seed.value_or(0);
    ImageSession out;
    out.tokens = attn::imageTokens(rgb, patch, overrides.dModel, seed, source);
    out.image = std::move(image);
    const std::string title = QFileInfo(path).fileName().toStdString() + " — " +
                              std::to_string(out.tokens.cols) + " × " +
                              std::to_string(out.tokens.rows) + " patches of " +
                              std::to_string(patch) + " × " + std::to_string(patch) + " pixels";
    // The sizes are the image's: d_model is already the projection's, the tokens its patches.
    attn::SessionOverrides rest = overrides;
    rest.dModel.reset();
    rest.tokens.reset();
    const attn::AnySession any = attn::readAnySession(
        attn::imageSessionText(out.tokens, overrides.heads.value_or(1), seed, title), source, rest);
    if (!std::holds_alternative<attn::Session>(any))
        throw attn::SessionError(source, "an image makes one attention layer: --layers, --norm, "
                                         "--ffn, --residual and --ablate do not apply");
    out.session = std::get<attn::Session>(any);
    return out;
}

} // namespace av
