package io.jenkins.plugins.mlops.engine.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests, as a Docker daemon set up with {@code --tlsverify} uses one: it
 * issues a server certificate for 127.0.0.1 and client certificates, writes the client's folder the way
 * {@code DOCKER_CERT_PATH} expects it, and gives the server side's {@link SSLContext}. BouncyCastle comes with
 * docker-java, which reads the PEM files with it.
 */
public final class TlsCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Issued authority;

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private TlsCertificates(final Issued authority) {
        this.authority = authority;
    }

    /** A new self-signed CA named {@code name}. */
    public static TlsCertificates newAuthority(final String name) throws GeneralSecurityException {
        KeyPair keys = rsa();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(subject, subject, keys);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return new TlsCertificates(new Issued(sign(builder, keys), keys));
    }

    /** The CA's own certificate. */
    public X509Certificate certificate() {
        return authority.certificate();
    }

    /** A server certificate for {@code 127.0.0.1} and {@code localhost}, signed by this CA. */
    public Issued issueServer() throws GeneralSecurityException {
        return issue("mlops-test-daemon", KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
    }

    /** A client certificate for {@code commonName}, signed by this CA. */
    public Issued issueClient(final String commonName) throws GeneralSecurityException {
        return issue(commonName, KeyPurposeId.id_kp_clientAuth, null);
    }

    /**
     * Writes {@code ca.pem} (this CA), {@code cert.pem} and {@code key.pem} ({@code client}) into {@code folder}.
     *
     * @return {@code folder}
     */
    public Path writeClientFolder(final Path folder, final Issued client) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ca.pem"), pem(authority.certificate()));
        Files.writeString(folder.resolve("cert.pem"), pem(client.certificate()));
        Files.writeString(folder.resolve("key.pem"), pem(client.keys().getPrivate()));
        return folder;
    }

    /** A server context presenting {@code server} and requiring client certificates this CA signed. */
    public SSLContext serverContext(final Issued server) throws GeneralSecurityException, IOException {
        char[] password = "test".toCharArray();
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("server", server.keys().getPrivate(), password,
                new X509Certificate[] {server.certificate(), authority.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, password);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private Issued issue(final String commonName, final KeyPurposeId purpose, final GeneralNames names)
            throws GeneralSecurityException {
        KeyPair keys = rsa();
        X509v3CertificateBuilder builder = builder(
                X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + commonName), keys);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
        }
        catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return new Issued(sign(builder, authority.keys()), keys);
    }

    private static X509v3CertificateBuilder builder(final X500Name issuer, final X500Name subject,
            final KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final KeyPair signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
        }
        catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(final Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        }
        return text.toString();
    }
}
