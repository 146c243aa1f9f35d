package io.xstore.server.ops;

import io.xstore.migration.ops.online.OnlineRequestWatcher;
import io.xstore.projection.metrics.OnlineReindex;
import io.xstore.server.embedded.BackingServiceSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

/** The online rebuilds the operations tool asks this server for ({@code ops reindex}, {@code ops replay}). */
@Configuration
class OnlineOpsConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    OnlineRequestWatcher onlineRequestWatcher(Environment env, OnlineReindex reindex) {
        return new OnlineRequestWatcher(BackingServiceSettings.dataDir(env), Map.of(
                "reindex", progress -> reindex.run(progress).toString()));
    }
}
