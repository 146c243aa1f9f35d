package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.protocol.ApiException;
import io.xstore.command.task.ProjectDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The task side's view of projects, answered from the project-name lookup. */
@Component
public class ProjectDirectoryAdapter implements ProjectDirectory {

    private final ProjectNames names;
    private final ProjectCreation creation;

    public ProjectDirectoryAdapter(ProjectNames names, ProjectCreation creation) {
        this.names = names;
        this.creation = creation;
    }

    @Override
    public boolean exists(String projectId, String company) {
        return names.byId(projectId)
                .filter(project -> project.company().equals(company) || project.company().isEmpty())
                .isPresent();
    }

    @Override
    public String findOrCreate(String name, AuditEntry audit) {
        return creation.findOrCreate(audit.companyId(), name, audit);
    }

    @Override
    public Optional<String> nameOf(String projectId, String company) {
        return names.byId(projectId)
                .filter(project -> project.company().equals(company) || project.company().isEmpty())
                .map(ProjectRef::name);
    }

    @Override
    public String findOrCreate(String name, List<String> systemTags, AuditEntry audit) {
        String company = audit.companyId();
        return names.byName(company, ProjectNameRules.normalize(name)).map(ProjectRef::id).orElseGet(() -> {
            try {
                return creation.create(company, name, "", List.of(), systemTags, null, audit);
            } catch (ApiException e) {
                return names.byName(company, ProjectNameRules.normalize(name)).map(ProjectRef::id)
                        .orElseThrow(() -> e);
            }
        });
    }
}
