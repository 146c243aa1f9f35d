package io.xstore.projection.metrics;

import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our event index port kept in memory: index name → document id → source; can be told to fail a few calls. */
class InMemoryEventIndex implements EventIndexSink {

    final Map<String, Map<String, Map<String, Object>>> indices = new LinkedHashMap<>();
    int writeCalls;
    int failingWrites;
    int failingDeletes;
    boolean dropped;
    /** Runs at every write call, e.g. to let a test clock advance as if writing took time. */
    Runnable onWrite = () -> { };

    @Override
    public void prepare() {
    }

    @Override
    public synchronized List<EventWrite> write(List<EventWrite> writes) {
        writeCalls++;
        onWrite.run();
        if (failingWrites > 0) {
            failingWrites--;
            throw new IllegalStateException("index unreachable (test)");
        }
        for (EventWrite write : writes) {
            indices.computeIfAbsent(write.index(), i -> new LinkedHashMap<>())
                    .put(write.id(), new LinkedHashMap<>(write.source()));
        }
        return List.of();
    }

    @Override
    public synchronized void delete(EventSelection selection, DeletionTally tally) {
        if (failingDeletes > 0) {
            failingDeletes--;
            throw new IllegalStateException("index unreachable (test)");
        }
        for (String index : selection.indices()) {
            Map<String, Map<String, Object>> docs = indices.getOrDefault(index, Map.of());
            Iterator<Map<String, Object>> it = docs.values().iterator();
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (matches(selection, doc)) {
                    it.remove();
                    tally.addDeleted(1);
                    if (EventIndices.IMAGE.equals(doc.get(EventFields.TYPE))) {
                        tally.addFileUrl((String) doc.get(EventFields.URL));
                    }
                    if (doc.get(EventFields.SOURCE_URLS) instanceof List<?> urls) {
                        urls.forEach(url -> tally.addFileUrl((String) url));
                    }
                }
            }
        }
    }

    private static boolean matches(EventSelection selection, Map<String, Object> doc) {
        if (!selection.target().equals(doc.get(EventFields.TASK))) {
            return false;
        }
        if (selection.olderThan() != null
                && ((Number) doc.get(EventFields.TIMESTAMP)).longValue() >= selection.olderThan()) {
            return false;
        }
        Object metric = doc.get(EventFields.METRIC);
        if (!selection.includeMetrics().isEmpty() && !selection.includeMetrics().contains(metric)) {
            return false;
        }
        return !selection.excludeMetrics().contains(metric);
    }

    @Override
    public synchronized void dropAllIndices() {
        indices.clear();
        dropped = true;
    }

    synchronized List<Map<String, Object>> docs(String type, String company) {
        return new ArrayList<>(indices.getOrDefault(EventIndices.index(type, company), Map.of()).values());
    }

    synchronized Map<String, Object> doc(String type, String company, String id) {
        return indices.getOrDefault(EventIndices.index(type, company), Map.of()).get(id);
    }

    synchronized int size() {
        return indices.values().stream().mapToInt(Map::size).sum();
    }
}
