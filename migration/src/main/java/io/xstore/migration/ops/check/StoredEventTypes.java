package io.xstore.migration.ops.check;

import io.xstore.migration.events.EventRevisions;
import io.xstore.migration.events.JsonEventSplit;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event types and revisions found in a store, judged against this build: each is read as it is (today's
 * revision), upcast (an upcaster of {@code io.xstore.migration.events} reads that type and revision), or not
 * readable (no class and no upcaster, an older revision without an upcaster, or a revision newer than this build's).
 */
public final class StoredEventTypes {

    /** One stored (type, revision) and what this build does with it. */
    public record Verdict(String type, String revision, long count, String how, boolean blocks) {
    }

    private final Map<String, Long> counts = new TreeMap<>();
    private final List<JsonEventSplit> upcasters;
    private final EventRevisions revisions = new EventRevisions();

    public StoredEventTypes(List<JsonEventSplit> upcasters) {
        this.upcasters = upcasters;
    }

    /** The upcasters of this build, found as the server finds them (classes in the upcasters' package). */
    public static List<JsonEventSplit> upcastersOfThisBuild() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(JsonEventSplit.class));
        List<JsonEventSplit> found = new ArrayList<>();
        for (BeanDefinition candidate : scan.findCandidateComponents(JsonEventSplit.class.getPackageName())) {
            try {
                found.add((JsonEventSplit) Class.forName(candidate.getBeanClassName()).getDeclaredConstructor()
                        .newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create upcaster " + candidate.getBeanClassName(), e);
            }
        }
        return found;
    }

    public void count(String type, String revision) {
        String stored = revision == null ? EventRevisions.FIRST : revision; // read as 1, see UnversionedEvents
        counts.merge(type + "\u0000" + stored, 1L, Long::sum);
    }

    public List<Verdict> verdicts() {
        List<Verdict> verdicts = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", 2);
            verdicts.add(judge(parts[0], parts[1], count));
        });
        return verdicts;
    }

    private Verdict judge(String type, String revision, long count) {
        Optional<JsonEventSplit> upcaster = upcasters.stream()
                .filter(u -> u.storedType().equals(type) && u.storedRevision().equals(revision)).findFirst();
        if (upcaster.isPresent()) {
            return new Verdict(type, revision, count, "upcast by " + upcaster.get().getClass().getSimpleName(),
                    false);
        }
        Class<?> current;
        try {
            current = Class.forName(type, false, StoredEventTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return new Verdict(type, revision, count, "NO CLASS and no upcaster: this build cannot read it", true);
        }
        String today = revisions.revisionOf(current);
        if (today.equals(revision)) {
            return new Verdict(type, revision, count, "current revision", false);
        }
        if (compare(revision, today) > 0) {
            return new Verdict(type, revision, count, "NEWER than this build's revision " + today
                    + " (written by a newer server)", true);
        }
        return new Verdict(type, revision, count, "NO UPCASTER from revision " + revision + " to " + today, true);
    }

    private static int compare(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
