package io.xstore.command.queue;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The queue names of each company, unique (docs/api/queues.md, "Names"): loaded from the event store at start, then
 * kept by {@link QueueNamesProjector} inside each command's unit of work. Two concurrent creations of one name both
 * pass the endpoint's early check, but the second one's {@link #add} is refused here and its events are rolled back;
 * a change is undone when its unit of work rolls back, so the names always match the stored events.
 */
@Component
public class QueueNames {

    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, String> nameKeyById = new HashMap<>();

    /** The id of the company's queue with this name, if any. */
    public synchronized Optional<String> idByName(String company, String name) {
        return Optional.ofNullable(idByName.get(key(company, name)));
    }

    /** Takes the name for the queue; 400/801 when another queue of the company has it. */
    public synchronized void add(String queueId, String company, String name) {
        String key = key(company, name);
        String owner = idByName.get(key);
        if (owner != null && !owner.equals(queueId)) {
            throw QueueErrors.duplicateName(name);
        }
        String old = nameKeyById.get(queueId);
        if (old != null) {
            idByName.remove(old);
        }
        put(queueId, key);
        onRollback(() -> {
            drop(queueId);
            if (old != null) {
                put(queueId, old);
            }
        });
    }

    /** The queue's new name, in the company it was created in. */
    public synchronized void rename(String queueId, String name) {
        String old = nameKeyById.get(queueId);
        if (old == null) {
            return;
        }
        add(queueId, old.substring(0, old.indexOf('\u0000')), name);
    }

    public synchronized void remove(String queueId) {
        String old = drop(queueId);
        if (old != null) {
            onRollback(() -> put(queueId, old));
        }
    }

    private void put(String queueId, String key) {
        idByName.put(key, queueId);
        nameKeyById.put(queueId, key);
    }

    private String drop(String queueId) {
        String key = nameKeyById.remove(queueId);
        if (key != null) {
            idByName.remove(key);
        }
        return key;
    }

    private void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> {
            synchronized (this) {
                undo.run();
            }
        }));
    }

    private static String key(String company, String name) {
        return company + '\u0000' + name;
    }
}
