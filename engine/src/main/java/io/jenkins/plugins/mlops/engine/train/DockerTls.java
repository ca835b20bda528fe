package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Checks the TLS client files before any connection. docker-java itself quietly falls back to plain HTTP when one
 * of the three files is missing, which a TLS daemon then answers with a confusing protocol error.
 */
final class DockerTls {
    /** What docker-java (like the docker CLI) reads from the certificate folder. */
    static final List<String> FILES = List.of("ca.pem", "cert.pem", "key.pem");

    private DockerTls() {
    }

    /**
     * Checks that {@code certPath} is a folder holding all of {@link #FILES} and that they load.
     *
     * @throws MlopsException (input) naming the folder, what is wrong with it and how to fix it
     */
    static void checkCertificates(final String certPath) {
        if (certPath == null || certPath.isBlank()) {
            throw MlopsException.input("Docker TLS verification is on but no certificate folder is set. Set the "
                    + "Docker certificate path (DOCKER_CERT_PATH) to the folder with " + String.join(", ", FILES)
                    + ", or turn TLS verification off for a daemon without TLS.");
        }
        Path folder = Path.of(certPath).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw MlopsException.input("The Docker certificate folder " + folder + " does not exist or is not a "
                    + "folder. Set the Docker certificate path (DOCKER_CERT_PATH) to the folder with "
                    + String.join(", ", FILES) + ".");
        }
        List<String> missing = FILES.stream().filter(name -> !Files.isRegularFile(folder.resolve(name))).toList();
        if (!missing.isEmpty()) {
            throw MlopsException.input("The Docker certificate folder " + folder + " lacks "
                    + String.join(", ", missing) + " (it needs " + String.join(", ", FILES) + "). Copy the CA "
                    + "certificate (ca.pem) and the client certificate and key (cert.pem, key.pem) there.");
        }
        try {
            new LocalDirectorySSLConfig(folder.toString()).getSSLContext();
        }
        catch (RuntimeException e) {
            throw MlopsException.input("The TLS files in the Docker certificate folder " + folder
                    + " cannot be loaded (" + DockerClientFactory.rootMessage(e) + "). ca.pem and cert.pem must be "
                    + "PEM certificates and key.pem the PEM private key of cert.pem.");
        }
    }

    /** Whether {@code error} (or a cause of it) is a failed TLS handshake, e.g. an untrusted certificate. */
    static boolean isHandshakeFailure(final Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
