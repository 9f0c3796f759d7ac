package edm.console.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Puts {@link EngineDeadline}s around docker-java's transport, so that a timeout holds even where the
 * socket ignores it (unix sockets, see there): the request until the response headers arrive must not
 * take longer than {@code answer} without progress (a request body being sent counts as progress), and,
 * when {@code reads} is set, no single read of the response body may wait longer than that. A deadline
 * that passes turns into {@link EngineNotAnsweringException}.
 * <p>
 * The stream client has no read deadline: an event or log stream may be silent for hours.
 */
final class DeadlineHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final Duration answer;
    private final Duration reads;

    DeadlineHttpClient(DockerHttpClient delegate, Duration answer, Duration reads) {
        this.delegate = delegate;
        this.answer = answer;
        this.reads = reads;
    }

    @Override
    public Response execute(Request request) {
        EngineDeadline deadline = EngineDeadline.arm(answer);
        Response response;
        try {
            response = delegate.execute(withProgress(request, deadline));
        } catch (RuntimeException e) {
            deadline.close();
            if (deadline.fired()) {
                throw new EngineNotAnsweringException(answer, e);
            }
            throw e;
        }
        deadline.close();
        if (deadline.fired()) {
            // The answer came just as the deadline passed; the interrupt may have cut it: do not trust it.
            response.close();
            throw new EngineNotAnsweringException(answer, null);
        }
        return reads == null ? response : new BoundedReads(response, reads);
    }

    /** A streamed request body (a build context) restarts the deadline with every chunk sent. */
    private static Request withProgress(Request request, EngineDeadline deadline) {
        if (request.bodyBytes() != null) {
            return request;
        }
        InputStream body = request.body();
        if (body == null) {
            return request;
        }
        return Request.builder().from(request).body(new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                deadline.restart();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                deadline.restart();
                return super.read(b, off, len);
            }
        }).build();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** A response whose body reads each have a deadline. */
    private static final class BoundedReads implements Response {
        private final Response response;
        private final Duration limit;

        BoundedReads(Response response, Duration limit) {
            this.response = response;
            this.limit = limit;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return response.getHeader(name);
        }

        @Override
        public InputStream getBody() {
            return new FilterInputStream(response.getBody()) {
                @Override
                public int read() throws IOException {
                    EngineDeadline d = EngineDeadline.arm(limit);
                    try {
                        return passed(d, super.read());
                    } catch (IOException e) {
                        throw failed(d, e);
                    } catch (RuntimeException e) {
                        throw failed(d, e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    EngineDeadline d = EngineDeadline.arm(limit);
                    try {
                        return passed(d, super.read(b, off, len));
                    } catch (IOException e) {
                        throw failed(d, e);
                    } catch (RuntimeException e) {
                        throw failed(d, e);
                    }
                }
            };
        }

        private int passed(EngineDeadline d, int n) {
            d.close();
            if (d.fired()) {
                throw new EngineNotAnsweringException(limit, null);
            }
            return n;
        }

        /** The failure of a read; when its deadline had passed, that is what it was. */
        private <E extends Exception> E failed(EngineDeadline d, E e) {
            d.close();
            if (d.fired() && !(e instanceof EngineNotAnsweringException)) {
                throw new EngineNotAnsweringException(limit, e);
            }
            return e;
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
