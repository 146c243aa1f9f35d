package io.xstore.server.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * An Elasticsearch index of the server's own time series (worker and serving statistics), created with its mapping on
 * first use; a concurrent creation by another node counts as created.
 */
public final class LazyIndex {

    private final ElasticsearchClient client;
    private final String name;
    private final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mapping;
    private volatile boolean ready;

    public LazyIndex(ElasticsearchClient client, String name,
                     Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mapping) {
        this.client = client;
        this.name = name;
        this.mapping = mapping;
    }

    public String name() {
        return name;
    }

    public void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try {
                if (!client.indices().exists(e -> e.index(name)).value()) {
                    client.indices().create(c -> c.index(name).mappings(mapping));
                }
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ready = true;
        }
    }
}
