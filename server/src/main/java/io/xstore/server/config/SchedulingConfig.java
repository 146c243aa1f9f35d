package io.xstore.server.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the server's periodic jobs: dropping silent workers, the task watchdog. */
@Configuration
@EnableScheduling
public class SchedulingConfig {
}
