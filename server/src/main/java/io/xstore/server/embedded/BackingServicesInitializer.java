package io.xstore.server.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before any bean exists (registered in META-INF/spring.factories): locks the data directory, so a second
 * server on it fails before it opens a port or the event store, then starts the embedded services in the
 * background so they come up while the context is being built.
 * <p>
 * Deliberately not {@code Ordered}: it then runs after the test framework's context customizers, so
 * {@code @DynamicPropertySource} values (a test's data dir) are visible here.
 */
public class BackingServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String LOCK_BEAN = "xstoreDataDirLock";
    public static final String SERVICES_BEAN = "xstoreBackingServices";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path dataDir = BackingServiceSettings.dataDir(environment);
        // absolute, so that ${xstore.data-dir} in other properties (the H2 URL) means the same directory
        environment.getPropertySources().addFirst(new MapPropertySource("xstoreDataDir",
                Map.of(BackingServiceSettings.DATA_DIR_PROPERTY, dataDir.toString())));
        DataDirLock lock = DataDirLock.acquire(dataDir);
        BackingServices services;
        try {
            services = BackingServices.start(BackingServiceSettings.from(environment));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        environment.getPropertySources().addLast(new BackingServiceEndpointsPropertySource(services));
        // registered first, so destroyed last: every bean using a service is closed before it, the lock after it
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(LOCK_BEAN, lock);
        beans.registerDisposableBean(LOCK_BEAN, lock::close);
        beans.registerSingleton(SERVICES_BEAN, services);
        beans.registerDisposableBean(SERVICES_BEAN, services);
    }
}
