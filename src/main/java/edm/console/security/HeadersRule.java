package edm.console.security;

import edm.console.core.ProbeStatus;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPEC-006 HTTPS强制跳转, 安全请求头配置: the site's plain-http address redirects (301/308) to https, and the
 * site's responses carry HSTS, X-Content-Type-Options, a frame policy and Referrer-Policy. Read from the
 * site itself, as a browser meets it, not from the nginx files; and the days its certificate has left.
 */
final class HeadersRule implements Rule {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A wanted header, and the one-line nginx fix. */
    private record Wanted(String id, String header, String fix) {
    }

    private static final List<Wanted> WANTED = List.of(
            new Wanted("hsts", "Strict-Transport-Security", "add_header Strict-Transport-Security \"max-age=31536000\" always;"),
            new Wanted("nosniff", "X-Content-Type-Options", "add_header X-Content-Type-Options nosniff always;"),
            new Wanted("frame", "X-Frame-Options", "add_header X-Frame-Options SAMEORIGIN always;"),
            new Wanted("referrer", "Referrer-Policy", "add_header Referrer-Policy strict-origin-when-cross-origin always;"));

    @Override
    public String id() {
        return "https";
    }

    @Override
    public List<Finding> check(SecurityContext ctx) {
        if (ctx.siteUrl().isEmpty()) {
            return List.of(Finding.of("https", ProbeStatus.UNKNOWN, Messages.t("security.title.https.headers"),
                    Messages.t("security.https.noSite"), ""));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        URI site = URI.create(ctx.siteUrl());
        List<Finding> out = new ArrayList<>();
        Redirect redirect = redirect(client, site);
        out.add(redirect.finding());
        out.addAll(headers(client, site));
        // The certificate where visitors meet it: the site itself, or where its plain-http address sends them.
        URI https = site.getScheme().equals("https") ? site : redirect.httpsLocation();
        if (https != null && https.getHost() != null) {
            out.add(CertificateCheck.check(https, ctx.clock().now(), TIMEOUT, ctx.nginxContainer()));
        }
        return out;
    }

    /** The redirect's finding, and where it sends visitors when that is an https address. */
    private record Redirect(Finding finding, URI httpsLocation) {
    }

    private static Redirect redirect(HttpClient client, URI site) {
        String title = Messages.t("security.title.https.redirect");
        URI plain = site.getScheme().equals("http") ? site.resolve("/") : URI.create("http://" + site.getHost() + "/");
        try {
            HttpResponse<Void> r = get(client, plain);
            String location = r.headers().firstValue("Location").orElse("");
            String evidence = "GET " + plain + " -> " + r.statusCode() + (location.isEmpty() ? "" : " " + location);
            boolean toHttps = location.toLowerCase(Locale.ROOT).startsWith("https://");
            boolean ok = (r.statusCode() == 301 || r.statusCode() == 308) && toHttps;
            URI https = toHttps ? parse(location) : null;
            return new Redirect(ok ? Finding.ok("https.redirect", title, evidence)
                    : Finding.of("https.redirect", ProbeStatus.WARNING, title, evidence, Messages.t("security.fix.https.redirect")), https);
        } catch (IOException e) {
            return new Redirect(Finding.of("https.redirect", ProbeStatus.UNKNOWN, title,
                    "GET " + plain + ": " + ConnectionFailure.describe(e, plain, TIMEOUT), ""), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Redirect(Finding.of("https.redirect", ProbeStatus.UNKNOWN, title, "interrupted", ""), null);
        }
    }

    private static List<Finding> headers(HttpClient client, URI site) {
        String title = Messages.t("security.title.https.headers");
        HttpResponse<Void> r;
        try {
            r = get(client, site);
        } catch (IOException e) {
            return List.of(Finding.of("https.headers", ProbeStatus.UNKNOWN, title,
                    "GET " + site + ": " + ConnectionFailure.describe(e, site, TIMEOUT), ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.of("https.headers", ProbeStatus.UNKNOWN, title, "interrupted", ""));
        }
        List<Finding> out = new ArrayList<>();
        for (Wanted w : WANTED) {
            Optional<String> v = r.headers().firstValue(w.header());
            // A CSP frame-ancestors is the modern frame policy; either one will do.
            if (v.isEmpty() && w.id().equals("frame")) {
                v = r.headers().firstValue("Content-Security-Policy").filter(c -> c.contains("frame-ancestors"))
                        .map(c -> "Content-Security-Policy: " + c);
            }
            String wt = Messages.t("security.title.https.header", w.header());
            out.add(v.isPresent() ? Finding.ok("https.headers." + w.id(), wt, "GET " + site + " -> " + w.header() + ": " + v.get())
                    : Finding.of("https.headers." + w.id(), ProbeStatus.WARNING, wt,
                            Messages.t("security.https.missing", site, String.valueOf(r.statusCode()), w.header()), w.fix()));
        }
        r.sslSession().ifPresent(s -> out.add(Finding.ok("https.tls", Messages.t("security.title.https.tls"), site.getHost() + ": " + s.getProtocol())));
        return out;
    }

    private static HttpResponse<Void> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static URI parse(String location) {
        try {
            return URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
