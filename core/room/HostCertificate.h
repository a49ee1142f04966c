#pragma once

#include <QCoreApplication>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace lockstep::room {

// The certificate a room hosted in this app is served with (wss://): an
// ECDSA P-256 key and a self-signed certificate, made once and kept in the
// app's data folder (the key readable by this user only). Guests do not
// trust it through a certificate authority: the invite link carries its
// fingerprint, and a guest accepts this certificate and no other.
class HostCertificate
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::room::HostCertificate)

public:
    // Where the app keeps it: <AppDataLocation>/tls.
    static QString defaultDirectory();
    // Loads the certificate kept in `directory`, or makes one there when
    // there is none. One that is there is never replaced (every invite sent
    // names it): when it cannot be used (damaged, unreadable, its key not
    // its own, out of its dates) this returns nullopt and says what is
    // wrong, and what to do, in `error`, as sentences.
    static std::optional<HostCertificate> loadOrCreate(const QString &directory,
                                                       QString *error = nullptr);

    // The invite link's `fp`: SHA-256 of the certificate's DER encoding,
    // base64url without padding (43 characters).
    static QString fingerprintOf(const QSslCertificate &certificate);
    // The 32 bytes an `fp` stands for; empty when `fp` is not one.
    static QByteArray decodeFingerprint(const QString &fp);

    QString certificatePath() const { return m_certificatePath; }
    QString keyPath() const { return m_keyPath; }
    QSslCertificate certificate() const { return m_certificate; }
    QString fingerprint() const { return fingerprintOf(m_certificate); }
    QByteArray sha256() const;

private:
    HostCertificate() = default;

    QString m_certificatePath;
    QString m_keyPath;
    QSslCertificate m_certificate;
};

} // namespace lockstep::room
