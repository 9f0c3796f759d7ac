package edm.console.docker;

import java.nio.file.Path;

/**
 * The PEM files of an engine that speaks TLS on tcp:// (the docker CLI's {@code --tlscacert}, {@code --tlscert},
 * {@code --tlskey}): the CA the engine's certificate must chain to, and the client's certificate and key.
 * Always verified: docker-java has no "TLS without checking the certificate".
 */
public record TlsFiles(Path ca, Path cert, Path key) {
    /** The files as a docker context or DOCKER_CERT_PATH keeps them: ca.pem, cert.pem and key.pem in one directory. */
    public static TlsFiles inDirectory(Path dir) {
        return new TlsFiles(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }
}
