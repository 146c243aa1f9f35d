package io.xstore.server.infra;

import io.xstore.projection.processing.ProjectorHealth;
import io.xstore.projection.processing.ProjectorProgress;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the projections: down while a projector is stalled on an event that keeps failing (it holds there and
 * retries), with the failing position and error. Contributor name: {@code projections}.
 */
@Component("projectionsHealthIndicator")
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectorProgress progress;

    public ProjectionsHealthIndicator(ProjectorProgress progress) {
        super("projections health check failed");
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (var projector : progress.projectors()) {
            ProjectorHealth health = projector.health();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state", health.state().name().toLowerCase());
            details.put("position", health.position());
            details.put("head", health.head());
            if (health.error() != null) {
                details.put("failed_attempts", health.failedAttempts());
                details.put("error", health.error());
            }
            builder.withDetail(health.name(), details);
            healthy &= health.healthy();
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
