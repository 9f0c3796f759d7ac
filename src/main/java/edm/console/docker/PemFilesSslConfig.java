package edm.console.docker;

import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * docker-java's TLS from three named PEM files, the way its own {@code LocalDirectorySSLConfig} does it for
 * ca.pem, cert.pem and key.pem in one directory (same certificate utilities, same key store password), for
 * engines whose files are configured one by one ({@code engines[].tls}, {@code docker.tls}).
 */
final class PemFilesSslConfig implements SSLConfig {
    /** docker-java's own password of the in-memory key store. */
    private static final char[] PASSWORD = "docker".toCharArray();
    private final TlsFiles files;

    PemFilesSslConfig(TlsFiles files) {
        this.files = files;
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            KeyStore keys = CertificateUtils.createKeyStore(read(files.key()), read(files.cert()));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            KeyStore trust = CertificateUtils.createTrustStore(read(files.ca()));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new EngineException("TLS files " + files.ca() + ", " + files.cert() + ", " + files.key()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " does not exist");
        }
    }
}
