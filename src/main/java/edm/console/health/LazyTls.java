package edm.console.health;

import edm.console.core.OnDemandTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory of the HTTP probes, built on the first TLS connection: a probe of an http://
 * URL, or of an https:// one whose server refuses the connection, never loads the JDK's TLS providers
 * (a tenth of a second of `check`'s CPU). Trust as {@link OnDemandTrust} decides. No unconnected
 * sockets: the JDK's https client then connects a plain socket first and layers TLS over it here.
 */
final class LazyTls extends SSLSocketFactory {
    private final Supplier<SSLSocketFactory> factory;
    private volatile SSLSocketFactory delegate;

    /**
     * Every HttpsURLConnection asks for the JDK's default factory when it is made (before ours replaces
     * it), and building that reads the whole trust store: the same default, built when first used.
     */
    private static final LazyTls JDK_DEFAULT = new LazyTls(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());

    static {
        HttpsURLConnection.setDefaultSSLSocketFactory(JDK_DEFAULT);
    }

    /** Whether the JDK's default TLS context was built (by an https connection that kept the default factory). */
    static boolean jdkDefaultBuilt() {
        return JDK_DEFAULT.built();
    }

    /** The probes' own: trust as {@link OnDemandTrust} decides. */
    LazyTls() {
        this(() -> OnDemandTrust.context().getSocketFactory());
    }

    private LazyTls(Supplier<SSLSocketFactory> factory) {
        this.factory = factory;
    }

    boolean built() {
        return delegate != null;
    }

    private SSLSocketFactory delegate() {
        SSLSocketFactory d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    delegate = d = factory.get();
                }
            }
        }
        return d;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return delegate().createSocket(s, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
