package io.xstore.projection.metrics;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;
import java.util.Properties;

/**
 * The Streams topology of the metric indexer: the event log topic (key = target id, value = {@link
 * io.xstore.readmodel.events.MetricLogCodec} bytes) into one processor with two in-memory stores, both restored from
 * their changelog topics on restart: the per-series summaries, and copies of the records whose documents are not yet
 * written (so that a commit taken between processing and flushing loses nothing). A third, empty store only keeps
 * the Streams process id stable across restarts (see {@link ProcessIdAnchor}).
 */
public final class MetricIndexerTopology {

    public static final String SOURCE = "metric-event-log";
    public static final String PROCESSOR = "metric-indexer";
    public static final String SUMMARY_STORE = "metric-summaries";
    public static final String PENDING_STORE = "metric-pending-records";

    private MetricIndexerTopology() {
    }

    /**
     * {@code maxRecordBytes}: the largest event log record, which the pending-records changelog must accept;
     * {@code config}: the Streams properties the topology will run with.
     */
    static Topology build(String topic, IndexerParts parts, int maxRecordBytes, Properties config) {
        Topology topology = new Topology(new TopologyConfig(new StreamsConfig(config)));
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
        topology.addProcessor(PROCESSOR, () -> new MetricLogProcessor(parts), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUMMARY_STORE),
                        Serdes.String(), new SeriesStateSerde()).withLoggingEnabled(Map.of()).withCachingDisabled(),
                PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE),
                                Serdes.String(), Serdes.ByteArray())
                        .withLoggingEnabled(Map.of("max.message.bytes", String.valueOf(maxRecordBytes)))
                        .withCachingDisabled(),
                PROCESSOR);
        topology.addStateStore(ProcessIdAnchor.builder(), PROCESSOR);
        return topology;
    }
}
