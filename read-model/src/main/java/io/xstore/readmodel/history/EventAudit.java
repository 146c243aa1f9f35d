package io.xstore.readmodel.history;

import io.xstore.api.AuditEntry;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@link AuditEntry} (who, when, which call) an event payload carries, found by type among a record's components
 * rather than by the event class, so history keeps working whatever the event classes become
 * (docs/api/history.md).
 */
public final class EventAudit {

    /** Per record class: the accessor of its AuditEntry component (looking it up per event is slow). */
    private static final ClassValue<Optional<Method>> AUDIT = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            return Arrays.stream(type.getRecordComponents()).filter(c -> c.getType() == AuditEntry.class)
                    .map(RecordComponent::getAccessor).findFirst();
        }
    };

    private EventAudit() {
    }

    /** The payload's audit entry; null when it carries none. */
    public static AuditEntry of(Object payload) {
        if (payload == null) {
            return null;
        }
        Optional<Method> accessor = AUDIT.get(payload.getClass());
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            return (AuditEntry) accessor.get().invoke(payload);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
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
