package io.xstore.server.ops;

import io.xstore.migration.ops.online.OnlineRequestWatcher;
import io.xstore.projection.metrics.OnlineReindex;
import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.projection.replay.OnlineReplay;
import io.xstore.projection.replay.ReadModelGeneration;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.server.config.EventProcessingConfig;
import io.xstore.server.embedded.BackingServiceSettings;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The online rebuilds the operations tool asks this server for ({@code ops reindex}, {@code ops replay}). */
@Configuration
class OnlineOpsConfiguration {

    @Bean
    OnlineReplay onlineReplay(ApplicationContext context, ReadModelGeneration generation, ReadModelStore store,
                              ProjectorPositions positions, ProjectorProgress progress, EventFeed feed) {
        return new OnlineReplay(generation, store, positions, progress, feed,
                replayedStore -> newProjections(context, replayedStore));
    }

    /** A new instance of every read-model projection bean, writing to {@code store}. */
    private static List<Object> newProjections(ApplicationContext context, ReadModelStore store) {
        List<Object> projections = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
            if (group == null || !EventProcessingConfig.buildsReadModels(group.value())) {
                continue;
            }
            try {
                projections.add(type.getConstructor(ReadModelStore.class).newInstance(store));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("projection " + type.getName() + " cannot be replayed online: it "
                        + "needs a public constructor taking only the ReadModelStore", e);
            }
        }
        return projections;
    }

    /** Started once the server takes calls (the indexer and projectors run), see {@link #takeRequests}. */
    @Bean(destroyMethod = "close")
    OnlineRequestWatcher onlineRequestWatcher(Environment env, OnlineReindex reindex, OnlineReplay replay) {
        return new OnlineRequestWatcher(BackingServiceSettings.dataDir(env), Map.of(
                "reindex", progress -> reindex.run(progress).toString(),
                "replay", progress -> replay(replay, true, progress),
                "replay-check", progress -> replay(replay, false, progress)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeRequests(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(OnlineRequestWatcher.class).start();
    }

    private static String replay(OnlineReplay replay, boolean switchWhenEqual, Consumer<String> progress) {
        OnlineReplay.Result result = replay.run(switchWhenEqual, progress);
        if (!result.equal()) {
            throw new IllegalStateException(result.toString());
        }
        return result.toString();
    }
}
