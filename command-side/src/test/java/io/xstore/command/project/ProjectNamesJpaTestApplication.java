package io.xstore.command.project;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** Minimal Boot configuration for {@link JpaProjectNamesTest}: scans this package's JPA entities only. */
@SpringBootConfiguration
@AutoConfigurationPackage
class ProjectNamesJpaTestApplication {
}
