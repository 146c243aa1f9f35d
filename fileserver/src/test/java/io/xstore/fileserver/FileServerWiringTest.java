package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.xstore.fileserver.storage.LocalDiskFileStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The beans as the server module's component scan creates them, with the storage root derived from the data dir. */
class FileServerWiringTest {

    @TempDir
    Path temp;

    @Test
    void beansAreCreatedFromPropertiesAndTheTokenVerifierBean() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                    Map.of("xstore.data-dir", temp.toString())));
            context.registerBean(TokenVerifier.class, () -> token -> true);
            context.scan("io.xstore.fileserver");
            context.refresh();

            assertThat(context.getBean(FileServerServlet.class)).isNotNull();
            assertThat(context.getBean(LocalDiskFileStorage.class).root()).isEqualTo(temp.resolve("files"));
            assertThat(context.getBean(FileServerSettings.class).authRequired()).isTrue();
        }
    }
}
