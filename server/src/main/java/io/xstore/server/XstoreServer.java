package io.xstore.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The whole server: API (8008), file server (8081), web app (8080), on embedded or external backing services. */
@SpringBootApplication(scanBasePackages = "io.xstore")
@ConfigurationPropertiesScan("io.xstore")
@AutoConfigurationPackage(basePackages = "io.xstore")
public class XstoreServer {

    public static void main(String[] args) {
        SpringApplication.run(XstoreServer.class, args);
    }
}
