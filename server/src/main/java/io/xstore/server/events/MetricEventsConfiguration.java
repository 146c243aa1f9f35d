package io.xstore.server.events;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.xstore.command.events.MetricEventLog;
import io.xstore.command.events.MetricIndexing;
import io.xstore.command.events.MetricLogTopic;
import io.xstore.migration.EventIndexRebuild;
import io.xstore.projection.metrics.DeletedFilesSink;
import io.xstore.projection.metrics.ElasticsearchEventIndexSink;
import io.xstore.projection.metrics.EventIndexLayout;
import io.xstore.projection.metrics.IndexingProgress;
import io.xstore.projection.metrics.IndexingTimeoutException;
import io.xstore.projection.metrics.MetricIndexer;
import io.xstore.projection.metrics.MetricIndexerSettings;
import io.xstore.projection.metrics.OnlineReindex;
import io.xstore.readmodel.events.Md5;
import io.xstore.server.embedded.BackingServiceSettings;
import io.xstore.server.files.FileCleanup;
import io.xstore.server.infra.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.StreamsConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The metric events path: the event log (Kafka topic, transactional writers), the Kafka Streams indexer into
 * Elasticsearch, and the links between them and the rest of the server (read-your-writes, summaries as commands,
 * deleted files, the reindex migration).
 */
@Configuration(proxyBeanMethods = false)
public class MetricEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetricEventsConfiguration.class);
    private static final Duration INDEXED_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    MetricLogTopic metricLogTopic(KafkaConnection kafka,
                                  @Value("${xstore.events.topic:task-events}") String topic,
                                  @Value("${xstore.events.partitions:6}") int partitions,
                                  @Value("${xstore.events.replication-factor:1}") short replicationFactor) {
        return new MetricLogTopic(kafka.bootstrapServers(), topic, partitions, replicationFactor);
    }

    /**
     * The writers' transactional ids must be the same across restarts of one server (a restart then aborts what the
     * previous run left open) and differ between servers sharing a Kafka: by default they come from the data dir.
     */
    @Bean(destroyMethod = "close")
    MetricEventLog metricEventLog(MetricLogTopic topic, Environment env,
                                  @Value("${xstore.events.writer-id:}") String writerId,
                                  @Value("${xstore.events.writers:4}") int writers) {
        return new MetricEventLog(topic, writerId.isBlank() ? serverId(env) : writerId, writers);
    }

    /** One server's name on a shared Kafka, stable across its restarts. */
    private static String serverId(Environment env) {
        return "xstore-" + Md5.hex(BackingServiceSettings.dataDir(env).toAbsolutePath().toString()).substring(0, 12);
    }

    @Bean
    IndexingProgress indexingProgress() {
        return new IndexingProgress();
    }

    /**
     * Waits for the indexer; when that runs out the write is answered anyway: its events are durable in the log and
     * get indexed later, and a 5xx would make the SDK send them again (docs/api/events.md).
     */
    @Bean
    MetricIndexing metricIndexing(IndexingProgress progress) {
        return positions -> {
            try {
                return progress.awaitProcessed(positions, INDEXED_TIMEOUT);
            } catch (IndexingTimeoutException e) {
                log.warn("answering a metric write before it is indexed: {}", e.getMessage());
                return 0;
            }
        };
    }

    /** Which generation of the event indices is live (docs/operations.md, online reindex). */
    @Bean
    EventIndexLayout eventIndexLayout(Environment env) {
        return EventIndexLayout.live(indexerStateDir(env));
    }

    private static Path indexerStateDir(Environment env) {
        return BackingServiceSettings.dataDir(env).resolve("metric-indexer");
    }

    @Bean
    OnlineReindex onlineReindex(MetricIndexer indexer, ElasticsearchClient elasticsearch, EventIndexLayout layout) {
        return new OnlineReindex(indexer, elasticsearch, layout);
    }

    /**
     * The indexer's consumer asks the broker for new records with {@code fetch.max.wait.ms} of 100: a fetch is answered
     * as soon as records arrive, so this only sets how often an idle consumer asks again. At 10 it asked 100 times a
     * second, a tenth of a core of an idle server (broker and consumer threads) and as much under load, for the same
     * time from {@code events.add_batch} to a readable metric (p50 about 0.1 s either way).
     */
    @Bean
    MetricIndexer metricIndexer(MetricLogTopic topic, Environment env, ElasticsearchClient elasticsearch,
                                EventIndexLayout layout,
                                CommandGateway commands, IndexingProgress progress, DeletedFilesSink deletedFiles,
                                @Value("${xstore.events.indexer.fetch-max-wait-ms:100}") int fetchMaxWaitMs) {
        MetricIndexerSettings settings = MetricIndexerSettings.of(topic.bootstrapServers(), topic.name(),
                        indexerStateDir(env), serverId(env) + "-indexer")
                .withTopicLayout(topic.partitions(), topic.replicationFactor())
                .withMaxRecordBytes(MetricLogTopic.MAX_RECORD_BYTES)
                .withStreamsOverrides(Map.of(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
                        fetchMaxWaitMs));
        return new MetricIndexer(settings, new ElasticsearchEventIndexSink(elasticsearch, layout),
                new CommandSummarySink(commands), deletedFiles, progress);
    }

    /** Debug images and plot sources of deleted events are files on our file server too. */
    @Bean
    DeletedFilesSink deletedEventFiles(FileCleanup cleanup) {
        return (target, model, company, urls) -> cleanup.schedule(model ? "model" : "task", target, company, urls);
    }

    @Bean
    MetricIndexerLifecycle metricIndexerLifecycle(MetricIndexer indexer,
                                                  @Value("${xstore.events.indexer-start-timeout:30s}")
                                                  Duration startTimeout) {
        return new MetricIndexerLifecycle(indexer, startTimeout);
    }

    @Bean
    EventIndexRebuild eventIndexRebuild(MetricIndexer indexer) {
        return progress -> indexer.rebuild(step -> progress.accept(step.toString())).join();
    }
}
