package io.xstore.projection.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the events of an index name ({@code events-<type>-<company>}, what every reader searches) are stored.
 * Generation 0, the layout of a data directory never reindexed online: in an index of that name. Generation n &gt; 0
 * (after an online reindex, docs/operations.md): in {@code <name>-g<n>}, which the alias {@code <name>} points to;
 * an index the indexer creates later (a new company) gets its alias with it. The live generation is kept in
 * {@code index-generation} of the indexer's state directory; an online reindex builds the next one unaliased and
 * moves the aliases when it has caught up.
 */
public final class EventIndexLayout {

    private static final Logger log = LoggerFactory.getLogger(EventIndexLayout.class);

    private final Path file;
    private final boolean aliased;
    private final Set<String> aliasReady = ConcurrentHashMap.newKeySet();
    /** Names that exist as plain indices though the generation is aliased (made by hand); written as they are. */
    private final Set<String> plainIndices = ConcurrentHashMap.newKeySet();
    private volatile int generation;

    private EventIndexLayout(Path file, int generation, boolean aliased) {
        this.file = file;
        this.generation = generation;
        this.aliased = aliased;
    }

    /** The live layout of an indexer's state directory. */
    public static EventIndexLayout live(Path stateDir) {
        Path file = stateDir.resolve("index-generation");
        try {
            int generation = Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
            return new EventIndexLayout(file, generation, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A generation being built: its indices carry no alias until the switch. */
    static EventIndexLayout building(int generation) {
        return new EventIndexLayout(null, generation, false);
    }

    public int generation() {
        return generation;
    }

    static String suffix(int generation) {
        return generation == 0 ? "" : "-g" + generation;
    }

    /** The index that holds the events of {@code name}. */
    String physical(String name) {
        return plainIndices.contains(name) ? name : name + suffix(generation);
    }

    /** Makes sure a write to {@code name} lands in its physical index and that readers of {@code name} see it. */
    void prepareWrite(ElasticsearchClient client, String name) {
        int current = generation;
        if (!aliased || current == 0 || aliasReady.contains(name + "@" + current)) {
            return;
        }
        String physical = name + suffix(current);
        try {
            if (client.indices().exists(e -> e.index(name)).value()
                    && !client.indices().existsAlias(a -> a.name(name)).value()) {
                log.warn("event index {} is a plain index, not an alias of generation g{}: written as it is until "
                        + "the next online reindex", name, current);
                plainIndices.add(name);
                aliasReady.add(name + "@" + current);
                return;
            }
            if (!client.indices().exists(e -> e.index(physical)).value()) {
                try {
                    client.indices().create(c -> c.index(physical).aliases(name, a -> a));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            client.indices().putAlias(a -> a.index(physical).name(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + physical, e);
        }
        aliasReady.add(name + "@" + current);
    }

    /** The indices were deleted (an offline rebuild): the next write to each name creates its index again. */
    void forgetPrepared() {
        aliasReady.clear();
        plainIndices.clear();
    }

    /** Makes {@code next} the live generation (the aliases already point to it). */
    void switchTo(int next) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("index-generation.tmp");
            Files.writeString(temporary, next + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        plainIndices.clear();
        generation = next;
    }
}
