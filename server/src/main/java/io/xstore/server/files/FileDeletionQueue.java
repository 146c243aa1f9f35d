package io.xstore.server.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The durable list of file deletions in MongoDB ({@code file_deletions}): one document per (owner, URL), so that
 * scheduling the same URL for the same owner twice (a re-delivered event) changes nothing.
 * <pre>
 *   _id, url, path (the stored path, for our URLs), owner_kind (task|model|...), owner_id, company,
 *   status (pending|done|failed|skipped), attempts, last_error, result, requested, next_attempt, finished
 * </pre>
 */
@Component
public class FileDeletionQueue {

    static final String ID = "_id";
    static final String URL = "url";
    static final String PATH = "path";
    static final String OWNER_KIND = "owner_kind";
    static final String OWNER_ID = "owner_id";
    static final String COMPANY = "company";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "last_error";
    static final String RESULT = "result";
    static final String REQUESTED = "requested";
    static final String NEXT_ATTEMPT = "next_attempt";
    static final String FINISHED = "finished";

    private final MongoCollection<Document> deletions;

    public FileDeletionQueue(MongoDatabase database) {
        this.deletions = database.getCollection(Collections.FILE_DELETIONS);
        deletions.createIndex(Indexes.ascending(STATUS, NEXT_ATTEMPT));
        deletions.createIndex(Indexes.ascending(COMPANY, OWNER_ID));
    }

    /** Adds a deletion unless this owner's URL is already listed; true when added. */
    public boolean add(String ownerKind, String ownerId, String company, String url, String path,
                       DeletionStatus status, String note, Instant now) {
        Document entry = new Document(URL, url)
                .append(PATH, path)
                .append(OWNER_KIND, ownerKind)
                .append(OWNER_ID, ownerId)
                .append(COMPANY, company)
                .append(STATUS, status.wire())
                .append(ATTEMPTS, 0)
                .append(LAST_ERROR, status == DeletionStatus.SKIPPED ? null : note)
                .append(RESULT, status == DeletionStatus.SKIPPED ? note : null)
                .append(REQUESTED, Date.from(now))
                .append(NEXT_ATTEMPT, status == DeletionStatus.PENDING ? Date.from(now) : null)
                .append(FINISHED, status == DeletionStatus.PENDING ? null : Date.from(now));
        var result = deletions.updateOne(Filters.eq(ID, idOf(ownerKind, ownerId, url)),
                new Document("$setOnInsert", entry), new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    /**
     * A deletion from a backup, as it was (status, attempts, times), unless one with its id is here already; a
     * pending one is due now. True when added.
     */
    public boolean restore(Document deletion, Instant now) {
        Document entry = new Document(deletion);
        Object id = entry.remove(ID);
        if (DeletionStatus.PENDING.wire().equals(entry.getString(STATUS))) {
            entry.put(NEXT_ATTEMPT, Date.from(now));
        }
        var result = deletions.updateOne(Filters.eq(ID, id), new Document("$setOnInsert", entry),
                new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    /** Pending deletions whose next attempt is due, oldest first. */
    public List<Document> due(Instant now, int limit) {
        return deletions.find(Filters.and(Filters.eq(STATUS, DeletionStatus.PENDING.wire()),
                        Filters.lte(NEXT_ATTEMPT, Date.from(now))))
                .sort(Sorts.ascending(NEXT_ATTEMPT)).limit(limit).into(new ArrayList<>());
    }

    public void finish(Object id, DeletionStatus status, int attempts, String result, String error, Instant now) {
        deletions.updateOne(Filters.eq(ID, id), Updates.combine(
                Updates.set(STATUS, status.wire()),
                Updates.set(ATTEMPTS, attempts),
                Updates.set(RESULT, result),
                Updates.set(LAST_ERROR, error),
                Updates.set(NEXT_ATTEMPT, null),
                Updates.set(FINISHED, Date.from(now))));
    }

    public void retryLater(Object id, int attempts, String error, Instant next) {
        deletions.updateOne(Filters.eq(ID, id), Updates.combine(
                Updates.set(ATTEMPTS, attempts),
                Updates.set(LAST_ERROR, error),
                Updates.set(NEXT_ATTEMPT, Date.from(next))));
    }

    /** Failed deletions of a company (optionally of some owners) are tried again from now; returns how many. */
    public long requeueFailed(String company, List<String> ownerIds, Instant now) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(COMPANY, company),
                Filters.eq(STATUS, DeletionStatus.FAILED.wire())));
        if (ownerIds != null) {
            filters.add(Filters.in(OWNER_ID, ownerIds));
        }
        return deletions.updateMany(Filters.and(filters), Updates.combine(
                Updates.set(STATUS, DeletionStatus.PENDING.wire()),
                Updates.set(ATTEMPTS, 0),
                Updates.set(NEXT_ATTEMPT, Date.from(now)),
                Updates.set(FINISHED, null))).getModifiedCount();
    }

    /** Newest first. */
    public List<Document> find(Bson filter, int skip, int limit) {
        return deletions.find(filter).sort(Sorts.descending(REQUESTED)).skip(skip).limit(limit)
                .into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return deletions.countDocuments(filter);
    }

    static String idOf(String ownerKind, String ownerId, String url) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ownerKind + '\n' + ownerId + '\n' + url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
