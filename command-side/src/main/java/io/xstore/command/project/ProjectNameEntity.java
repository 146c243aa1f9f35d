package io.xstore.command.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Row of the {@code project_names} lookup table: one per live project, unique (company, full name). */
@Entity
@Table(name = "project_names", uniqueConstraints = @UniqueConstraint(name = "uk_project_names_company_name",
        columnNames = {"company", "name"}))
public class ProjectNameEntity {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 64)
    private String company;

    @Column(nullable = false, length = 2048)
    private String name;

    protected ProjectNameEntity() {
    }

    public ProjectNameEntity(String id, String company, String name) {
        this.id = id;
        this.company = company;
        this.name = name;
    }

    public ProjectRef toRef() {
        return new ProjectRef(id, company, name);
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
