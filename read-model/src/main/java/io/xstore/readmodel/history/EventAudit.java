package io.xstore.readmodel.history;

import io.xstore.api.AuditEntry;

/**
 * The {@link AuditEntry} (who, when, which call) an event payload carries, found by type among a record's components
 * rather than by the event class, so history keeps working whatever the event classes become
 * (docs/api/history.md).
 */
public final class EventAudit {

    private EventAudit() {
    }

    /** The payload's audit entry; null when it carries none. */
    public static AuditEntry of(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return null;
        }
        for (var component : payload.getClass().getRecordComponents()) {
            if (component.getType() == AuditEntry.class) {
                try {
                    return (AuditEntry) component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The company a payload belongs to: its audit's company, else a {@code company}/{@code companyId} component. */
    public static String company(Object payload) {
        AuditEntry audit = of(payload);
        if (audit != null && audit.companyId() != null && !audit.companyId().isEmpty()) {
            return audit.companyId();
        }
        if (payload != null && payload.getClass().isRecord()) {
            for (var component : payload.getClass().getRecordComponents()) {
                if (component.getType() == String.class
                        && ("company".equals(component.getName()) || "companyId".equals(component.getName()))) {
                    try {
                        return (String) component.getAccessor().invoke(payload);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return audit == null ? null : audit.companyId();
                    }
                }
            }
        }
        return audit == null ? null : audit.companyId();
    }
}
