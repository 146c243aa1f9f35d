package io.xstore.server.infra;

import io.xstore.readmodel.RawDocumentCache;
import io.xstore.readmodel.ReadModelChanges;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side's copies of read-model documents ({@link RawDocumentCache}), told of every change by the projections
 * through {@link ReadModelChanges}. {@code xstore.query.document-cache-mb}: its size; by default 64 MB on the embedded
 * MongoDB and off on an external one, where other server nodes may write the same read models (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCacheConfiguration.class);
    private static final long EMBEDDED_DEFAULT_MB = 64;

    @Bean
    public ReadModelChanges readModelChanges() {
        return new ReadModelChanges();
    }

    @Bean
    public RawDocumentCache rawDocumentCache(ReadModelChanges changes, BackingServices services,
            @Value("${xstore.query.document-cache-mb:-1}") long configuredMb) {
        long mb = configuredMb >= 0 ? configuredMb
                : services.runsEmbedded(BackingService.MONGODB) ? EMBEDDED_DEFAULT_MB : 0;
        RawDocumentCache cache = new RawDocumentCache(mb * 1024 * 1024);
        changes.subscribe(cache);
        if (configuredMb < 0 && mb == 0) {
            log.info("read-side document cache off: MongoDB is external and may be written by other server nodes "
                    + "(xstore.query.document-cache-mb turns it on for a single node)");
        }
        return cache;
    }
}
