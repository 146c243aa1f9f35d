package io.xstore.server.workers;

import java.time.Instant;
import java.util.List;

/**
 * One registered worker as the registry holds it (docs/api/workers.md): who it runs as, where from, when it
 * registered and was last heard of, what it listens on and runs now. Immutable; a report replaces it.
 */
record Worker(String id, String company, String companyName, String userId, String userName, String ip,
              Instant registered, Instant lastActivity, Instant lastReport, long timeoutSeconds, List<String> queues,
              String queue, String task, Instant taskSince, List<String> tags, List<String> systemTags) {

    boolean aliveAt(Instant now) {
        return !lastActivity.plusSeconds(timeoutSeconds).isBefore(now);
    }

    Worker reported(Instant at, String ip, List<String> queues, String queue, String task, List<String> tags,
                    List<String> systemTags) {
        Instant since = task == null ? null : task.equals(this.task) && taskSince != null ? taskSince : at;
        return new Worker(id, company, companyName, userId, userName, ip == null ? this.ip : ip, registered, at, at,
                timeoutSeconds, queues == null ? this.queues : queues, queue, task, since,
                tags == null ? this.tags : tags, systemTags == null ? this.systemTags : systemTags);
    }
}
