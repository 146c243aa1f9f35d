package io.xstore.command;

import io.xstore.protocol.ApiError;

import java.util.function.Supplier;

/**
 * The one check of whether a caller's company may change an entity (task, model, project). Its own company may; a
 * public entity (company "", readable by every company, docs/api/visibility.md) is refused with 403/21
 * {@code no_write_permission}; another company's entity does not exist for the caller ({@code unknown}).
 */
public final class WriteAccess {

    private WriteAccess() {
    }

    public static void require(String owner, String caller, String entity, String id,
                               Supplier<RuntimeException> unknown) {
        if (owner.equals(caller)) {
            return;
        }
        if (owner.isEmpty()) {
            throw ApiError.NO_WRITE_PERMISSION.toException("cannot modify a public " + entity + ", id=" + id
                    + " (make it private first)");
        }
        throw unknown.get();
    }
}
