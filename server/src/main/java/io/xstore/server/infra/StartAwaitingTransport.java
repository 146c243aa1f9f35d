package io.xstore.server.infra;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each request once the backing service has started ({@code awaitStart} returns at once from then on, or
 * throws when the start failed or timed out), so that the client can exist while it is still starting.
 */
final class StartAwaitingTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private final Runnable awaitStart;

    StartAwaitingTransport(ElasticsearchTransport delegate, Runnable awaitStart) {
        this.delegate = delegate;
        this.awaitStart = awaitStart;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        awaitStart.run();
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        try {
            awaitStart.run();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return delegate.performRequestAsync(request, endpoint, options);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
