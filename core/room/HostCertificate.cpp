#include "HostCertificate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSslKey>
#include <QStandardPaths>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace lockstep::room {

namespace {

constexpr auto kCertificateFile = "host-certificate.pem";
constexpr auto kKeyFile = "host-key.pem";
// Long enough that nobody meets the end of it; a guest checks the
// fingerprint, not the dates.
constexpr long kValidDays = 20 * 365;

template<typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

// A new P-256 key and a self-signed certificate for it, both PEM; false when
// OpenSSL cannot make them.
bool generate(QByteArray *certificatePem, QByteArray *keyPem)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    CertPtr cert(X509_new());
    if (!key || !cert)
        return false;
    BnPtr serial(BN_new());
    if (!serial || !BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return false;
    X509_NAME *name = X509_get_subject_name(cert.get());
    const auto *commonName = reinterpret_cast<const unsigned char *>("Lockstep host");
    if (!X509_set_version(cert.get(), 2)
        || !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24 * 3600)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), kValidDays, 0, nullptr)
        || !X509_set_pubkey(cert.get(), key.get())
        || !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        || !X509_set_issuer_name(cert.get(), name)
        || !X509_sign(cert.get(), key.get(), EVP_sha256()))
        return false;

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || !PEM_write_bio_X509(certBio.get(), cert.get())
        || !PEM_write_bio_PrivateKey_traditional(keyBio.get(), key.get(), nullptr, nullptr, 0,
                                                 nullptr, nullptr))
        return false;
    *certificatePem = readBio(certBio.get());
    *keyPem = readBio(keyBio.get());
    return true;
}

// What is wrong with a kept certificate and key, if anything.
enum class PairProblem {
    None,
    Missing, // neither file is there: one is to be made
    Unreadable, // a file cannot be opened
    HalfMissing, // one of the two is there
    BadCertificate, // not one PEM certificate
    BadKey, // not an ECDSA private key in PEM
    Mismatch, // the key is not the certificate's
    NotValidNow, // outside its dates
};

// The certificate in `certificatePath`, when it and the key beside it can be
// served; otherwise what is wrong.
PairProblem loadPair(const QString &certificatePath, const QString &keyPath,
                     QSslCertificate *certificate)
{
    const bool haveCertificate = QFile::exists(certificatePath);
    const bool haveKey = QFile::exists(keyPath);
    if (!haveCertificate && !haveKey)
        return PairProblem::Missing;
    if (!haveCertificate || !haveKey)
        return PairProblem::HalfMissing;
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return PairProblem::Unreadable;
    const QByteArray certPem = certFile.readAll();
    const QByteArray keyPem = keyFile.readAll();
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certs.size() != 1 || certs.first().publicKey().algorithm() != QSsl::Ec)
        return PairProblem::BadCertificate;
    if (QSslKey(keyPem, QSsl::Ec, QSsl::Pem).isNull())
        return PairProblem::BadKey;
    // The key must be the one the certificate was made for: a TLS server
    // with the wrong key fails every handshake.
    BioPtr certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    CertPtr x509(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr);
    KeyPtr key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!x509)
        return PairProblem::BadCertificate;
    if (!key)
        return PairProblem::BadKey;
    if (X509_check_private_key(x509.get(), key.get()) != 1)
        return PairProblem::Mismatch;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (certs.first().effectiveDate() > now || certs.first().expiryDate() < now)
        return PairProblem::NotValidNow;
    *certificate = certs.first();
    return PairProblem::None;
}

bool writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    QFile::remove(path);
    QFile file(path);
    // Created with its final permissions: the key is never readable by
    // others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return false;
    return file.write(data) == data.size() && file.flush();
}

} // namespace

QString HostCertificate::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/tls");
}

std::optional<HostCertificate> HostCertificate::loadOrCreate(const QString &directory,
                                                             QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<HostCertificate> {
        if (error)
            *error = why;
        return std::nullopt;
    };

    HostCertificate result;
    const QDir dir(directory);
    result.m_certificatePath = dir.filePath(QLatin1String(kCertificateFile));
    result.m_keyPath = dir.filePath(QLatin1String(kKeyFile));
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

    const PairProblem problem
        = loadPair(result.m_certificatePath, result.m_keyPath, &result.m_certificate);
    if (problem == PairProblem::None) {
        // A key someone made readable to others is narrowed again.
        QFile key(result.m_keyPath);
        constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        if ((key.permissions() & others) && !key.setPermissions(ownerOnly))
            return fail(tr("The encryption key %1 is readable by other users and its "
                           "permissions cannot be changed.")
                            .arg(QDir::toNativeSeparators(result.m_keyPath)));
        return result;
    }
    if (problem != PairProblem::Missing) {
        // Never replaced: every invite sent names this certificate, and a
        // new one would make each of them say "not the host's computer".
        const QString certificate = QDir::toNativeSeparators(result.m_certificatePath);
        const QString key = QDir::toNativeSeparators(result.m_keyPath);
        QString what;
        switch (problem) {
        case PairProblem::Unreadable:
            what = tr("The encryption certificate %1 or its key %2 cannot be read.")
                       .arg(certificate, key);
            break;
        case PairProblem::HalfMissing:
            what = tr("Of the encryption certificate %1 and its key %2, one is missing.")
                       .arg(certificate, key);
            break;
        case PairProblem::BadCertificate:
            what = tr("The encryption certificate %1 is damaged.").arg(certificate);
            break;
        case PairProblem::BadKey:
            what = tr("The encryption key %1 is damaged.").arg(key);
            break;
        case PairProblem::Mismatch:
            what = tr("The encryption key %1 does not belong to the certificate %2.")
                       .arg(key, certificate);
            break;
        case PairProblem::NotValidNow:
            what = tr("The encryption certificate %1 is not valid at this date.").arg(certificate);
            break;
        case PairProblem::None:
        case PairProblem::Missing:
            break;
        }
        return fail(what + QLatin1Char(' ')
                    + tr("To make a new one, move the folder %1 away; invites sent before "
                         "will then stop working.")
                          .arg(QDir::toNativeSeparators(directory)));
    }

    if (!QDir().mkpath(directory))
        return fail(tr("Cannot create the folder %1 for the encryption certificate.")
                        .arg(QDir::toNativeSeparators(directory)));
    QFile::setPermissions(directory, ownerOnly | QFileDevice::ExeOwner);
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!generate(&certificatePem, &keyPem))
        return fail(tr("Cannot make an encryption certificate (OpenSSL failed)."));
    if (!writeFile(result.m_keyPath, keyPem, ownerOnly)
        || !writeFile(result.m_certificatePath, certificatePem,
                      ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return fail(tr("Cannot save the encryption certificate in %1.")
                        .arg(QDir::toNativeSeparators(directory)));
    if (loadPair(result.m_certificatePath, result.m_keyPath, &result.m_certificate)
        != PairProblem::None)
        return fail(tr("The new encryption certificate in %1 cannot be read back.")
                        .arg(QDir::toNativeSeparators(directory)));
    return result;
}

QString HostCertificate::fingerprintOf(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(
        certificate.digest(QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray HostCertificate::decodeFingerprint(const QString &fp)
{
    if (fp.size() != 43)
        return {};
    for (const QChar c : fp) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
            || c == QLatin1Char('_');
        if (!ok)
            return {};
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        fp.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return {};
    // 43 characters carry 258 bits: the last character's two spare bits must
    // be zero, so that each digest has one spelling.
    if (QString::fromLatin1(decoded.decoded.toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals))
        != fp)
        return {};
    return decoded.decoded;
}

QByteArray HostCertificate::sha256() const
{
    return m_certificate.digest(QCryptographicHash::Sha256);
}

} // namespace lockstep::room
