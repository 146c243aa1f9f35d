package io.xstore.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What the server acknowledged (answered 200) for one task, written by the one load thread that owns the task.
 * Edits set unique comments in order; a comment attempted after the last acknowledged one may or may not have
 * been stored (its call failed), so the stored comment must be the last acknowledged one or a later attempt.
 */
public final class TaskLedger {

    private final String id;
    private final List<String> commentAttempts;
    private int lastAckedComment = -1;
    private boolean startAttempted;
    private boolean startAcked;
    private long nextIter;
    private final NavigableSet<Long> ackedIters = new TreeSet<>();

    TaskLedger(String id) {
        this.id = id;
        this.commentAttempts = new ArrayList<>();
    }

    private TaskLedger(TaskLedger live) {
        this.id = live.id;
        this.commentAttempts = live.commentAttempts; // shared: read after the load stopped, it holds every attempt
        this.lastAckedComment = live.lastAckedComment;
        this.startAttempted = live.startAttempted;
        this.startAcked = live.startAcked;
        this.nextIter = live.nextIter;
        this.ackedIters.addAll(live.ackedIters);
    }

    /** A copy of what is acknowledged now, taken by another thread than the one writing this ledger. */
    synchronized TaskLedger acknowledgedSoFar() {
        return new TaskLedger(this);
    }

    public String id() {
        return id;
    }

    synchronized String attemptComment() {
        String comment = "c" + commentAttempts.size() + "-" + id;
        commentAttempts.add(comment);
        return comment;
    }

    synchronized void commentAcked() {
        lastAckedComment = commentAttempts.size() - 1;
    }

    /** The last acknowledged comment, or null if no edit was acknowledged. */
    public String lastAckedComment() {
        return lastAckedComment < 0 ? null : commentAttempts.get(lastAckedComment);
    }

    /** Whether {@code stored} is the last acknowledged comment or one attempted after it. */
    public boolean commentAcceptable(String stored) {
        if (lastAckedComment < 0) {
            return true;
        }
        int index = commentAttempts.indexOf(stored);
        return index >= lastAckedComment;
    }

    boolean startAttempted() {
        return startAttempted;
    }

    synchronized void markStartAttempted() {
        startAttempted = true;
    }

    synchronized void startAcked() {
        startAcked = true;
    }

    public boolean isStartAcked() {
        return startAcked;
    }

    long takeIters(int count) {
        long first = nextIter;
        nextIter += count;
        return first;
    }

    synchronized void itersAcked(long first, int count) {
        for (long i = first; i < first + count; i++) {
            ackedIters.add(i);
        }
    }

    public NavigableSet<Long> ackedIters() {
        return ackedIters;
    }
}
