#include "sessionfile.h"

#include "gpt2folder.h"
#include "modeledit.h"
#include "modelreference.h"
#include "sessionerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

namespace av {

namespace {

const QString kDefaultLesson = QStringLiteral(":/lessons/i-love-nlp.attn.json");

/// The text a model folder opens with, until the user types another.
const QString kModelFolderText = QStringLiteral("The cat sat on the mat because it was tired.");

attn::SessionError tooLarge(const std::string& source, qint64 bytes)
{
    return attn::SessionError(source, "file too large (" + std::to_string(bytes >> 20) +
                                          " MB; sessions are at most " +
                                          std::to_string(attn::kMaxSessionBytes >> 20) + " MB)");
}

/// The file's text, with the checks before reading. Throws attn::SessionError naming it.
QByteArray readSessionText(const QString& path, const std::string& source)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        throw attn::SessionError(source, "is a folder, not a session file");
    // Checked before opening: a device such as /dev/zero never ends and reports size 0, and
    // opening a FIFO blocks until something writes to it. Symbolic links are followed.
    if (info.exists() && !info.isFile())
        throw attn::SessionError(source, "is not a regular file (a device, a pipe or a socket)");
    if (info.exists() && static_cast<std::size_t>(info.size()) > attn::kMaxSessionBytes)
        throw tooLarge(source, info.size());
    if (!file.open(QIODevice::ReadOnly))
        throw attn::SessionError(source, "cannot be read (" + file.errorString().toStdString() + ")");
    if (static_cast<std::size_t>(file.size()) > attn::kMaxSessionBytes)
        throw tooLarge(source, file.size());
    // Read in chunks up to one byte more than allowed, so that a file that grew since the
    // check is refused too. One read of the whole limit would allocate 256 MB for every
    // session opened, however small.
    constexpr qint64 kChunk = 1 << 20;
    QByteArray text;
    text.reserve(file.size());
    for (;;) {
        const qint64 room = static_cast<qint64>(attn::kMaxSessionBytes) + 1 - text.size();
        const QByteArray chunk = file.read(std::min(kChunk, room));
        if (chunk.isEmpty())
            break;
        text += chunk;
        if (static_cast<std::size_t>(text.size()) > attn::kMaxSessionBytes)
            throw tooLarge(source, text.size());
    }
    if (file.error() != QFileDevice::NoError)
        throw attn::SessionError(source,
                                 "cannot be read (" + file.errorString().toStdString() + ")");
    return text;
}

/// The overrides a model folder takes: an ablation (blocks and heads from 0). The others
/// are refused, since the folder fixes its sizes and settings.
void applyFolderOverrides(attn::Model& model, const attn::SessionOverrides& overrides)
{
    if (overrides.tokens || overrides.dModel || overrides.heads || overrides.seed ||
        overrides.pe || overrides.peBase || overrides.score || overrides.mask ||
        overrides.window || overrides.normalizer || overrides.temperature || overrides.layers ||
        overrides.norm || overrides.ffn || overrides.residual)
        throw attn::SessionError("--model", "a model folder fixes its sizes and settings; of the "
                                            "session options only --text and --ablate apply");
    if (!overrides.ablate)
        return;
    model.ablate.clear();
    for (const auto& [block, head] : *overrides.ablate) {
        if (block >= model.layerCount() || head >= model.heads())
            throw attn::SessionError("--ablate", "head " + std::to_string(block + 1) + "." +
                                                     std::to_string(head + 1) +
                                                     " does not exist: the model has " +
                                                     std::to_string(model.layerCount()) +
                                                     " blocks of " +
                                                     std::to_string(model.heads()) + " heads");
        model.ablate = attn::withAblation(std::move(model.ablate), block, head, true);
    }
}


} // namespace

attn::Session readSessionFile(const QString& path, const attn::SessionOverrides& overrides)
{
    const std::string source = QDir::toNativeSeparators(path).toStdString();
    const QByteArray text = readSessionText(path, source);
    return attn::readSession(std::string_view(text.constData(), text.size()), source, overrides);
}

attn::AnySession readAnySessionFile(const QString& path, const attn::SessionOverrides& overrides)
{
    const QString file = path.isEmpty() ? kDefaultLesson : path;
    const std::string source = QDir::toNativeSeparators(file).toStdString();
    const QByteArray text = readSessionText(file, source);
    const std::string_view view(text.constData(), text.size());
    if (attn::refersToModelFolder(view)) {
        attn::Model model = attn::readModelReference(view, QFile::encodeName(file).toStdString());
        applyFolderOverrides(model, overrides);
        return model;
    }
    return attn::readAnySession(std::string_view(text.constData(), text.size()), source, overrides);
}

attn::Model readModelFolder(const QString& dir, const QString& text,
                            const attn::SessionOverrides& overrides)
{
    const std::string source = QDir::toNativeSeparators(dir).toStdString();
    if (!QFileInfo(dir).isDir())
        throw attn::SessionError(source, "not a folder (a model folder holds config.json, "
                                         "model.safetensors, vocab.json and merges.txt)");
    // Without a text of its own the model opens on a short sentence (cut to its positions).
    attn::Model model =
        text.isNull()
            ? attn::readGpt2Folder(QFile::encodeName(dir).toStdString(),
                                   kModelFolderText.toStdString(), attn::TextLimit::Truncate)
            : attn::readGpt2Folder(QFile::encodeName(dir).toStdString(), text.toStdString());
    applyFolderOverrides(model, overrides);
    return model;
}

const std::string& sessionTitle(const attn::AnySession& session)
{
    if (const auto* model = std::get_if<attn::Model>(&session))
        return model->settings.title;
    return std::get<attn::Session>(session).title;
}

QStringList lessonPaths()
{
    QStringList paths{kDefaultLesson};
    // One attention layer first, then the whole transformers (session v2).
    for (const QString folder : {QStringLiteral(":/lessons"), QStringLiteral(":/lessons/transformers")})
        for (const QFileInfo& entry :
             QDir(folder).entryInfoList({"*.attn.json"}, QDir::Files, QDir::Name))
            if (entry.filePath() != kDefaultLesson)
                paths << entry.filePath();
    return paths;
}

attn::Session defaultLesson(const attn::SessionOverrides& overrides)
{
    return readSessionFile(kDefaultLesson, overrides);
}

QString writeFileAtomically(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written (%2)").arg(name, file.errorString());
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return QStringLiteral("%1: cannot be written (%2)").arg(name, file.errorString());
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot be written (%2)").arg(name, file.errorString());
    return {};
}

} // namespace av
