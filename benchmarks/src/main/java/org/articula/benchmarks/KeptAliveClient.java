package org.articula.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The load generator's HTTP client for single lots: at most {@code connections} connections, kept alive
 * between requests, and each request written and its answer read on the thread that sends it (blocking I/O).
 * A fixed set of devices behaves so. The JDK's HttpClient, used before, opened a new connection whenever
 * none was idle (1,814 in 10 s at 800 lots/s) and handed every answer across threads; on a two-core machine
 * that it shares with the services, its own work showed as the services' latency
 * (docs/benchmarks/2026-12-03-load-generator.md).
 */
final class KeptAliveClient implements AutoCloseable {

    /** What the benchmark looks at in an answer. */
    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    private final CloseableHttpClient http;
    private final String token;
    private final int connections;

    /** {@code token}: the bearer token every request carries, or null for none. */
    KeptAliveClient(int connections, String token) {
        this.token = token;
        this.connections = connections;
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(5, TimeUnit.SECONDS)
                .setSocketTimeout(60, TimeUnit.SECONDS).build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections).setDefaultConnectionConfig(connection).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(60, TimeUnit.SECONDS)
                        .build())
                // A refused or failed request is the benchmark's to count and to send again, not the client's.
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().build();
    }

    /** The most connections it opens: one sending thread each keeps them all busy. */
    int connections() {
        return connections;
    }

    /** POSTs an already serialised JSON body and reads the whole answer. */
    Answer postJson(String url, byte[] json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader("Accept", "application/json");
        if (token != null) {
            post.setHeader("Authorization", "Bearer " + token);
        }
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return http.execute(post, KeptAliveClient::answer);
    }

    private static Answer answer(ClassicHttpResponse response) throws IOException, HttpException {
        String body = response.getEntity() == null
                ? ""
                : EntityUtils.toString(response.getEntity(),
                        StandardCharsets.UTF_8);
        return new Answer(response.getCode(), header(response, "Content-Type"), header(response, "Retry-After"), body);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
