package io.xstore.server.auth;

import io.xstore.api.AuditEntry;
import io.xstore.api.user.CreateCredentialsCommand;
import io.xstore.api.user.CreateUserCommand;
import io.xstore.api.user.RevokeCredentialsCommand;
import io.xstore.command.user.CredentialGenerator;
import io.xstore.protocol.ConsistencyBarrier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start: provisions the configured users and key pairs (through commands, so they have a history like any
 * other), and on a first start without any, generates one admin key pair and prints it once.
 */
@Component
public class CredentialsBootstrap {

    private static final Logger log = LoggerFactory.getLogger(CredentialsBootstrap.class);

    private final AuthProperties properties;
    private final IdentityDirectory directory;
    private final CommandGateway commands;
    private final ConsistencyBarrier barrier;
    private final int apiPort;
    private final int webPort;
    private final int filesPort;

    public CredentialsBootstrap(AuthProperties properties, IdentityDirectory directory, CommandGateway commands,
                                ConsistencyBarrier barrier, @Value("${xstore.api.port}") int apiPort,
                                @Value("${xstore.webapp.port}") int webPort,
                                @Value("${xstore.fileserver.port}") int filesPort) {
        this.properties = properties;
        this.directory = directory;
        this.commands = commands;
        this.barrier = barrier;
        this.apiPort = apiPort;
        this.webPort = webPort;
        this.filesPort = filesPort;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void provision() {
        barrier.awaitProjections();
        AuditEntry audit = AuditEntry.system("bootstrap");
        for (AuthProperties.FixedCredentials configured : properties.credentials()) {
            String userName = configured.userName() == null ? "admin" : configured.userName();
            String userId = configured.userId() != null ? configured.userId()
                    : RequestAuthenticator.fixedUserId(userName);
            ensureUser(userId, userName, configured.role() == null ? "admin" : configured.role(), audit);
            ensureCredential(userId, configured.accessKey(), configured.secretKey(), audit);
        }
        for (AuthProperties.FixedUser user : properties.fixedUsers()) {
            ensureUser(RequestAuthenticator.fixedUserId(user.username()),
                    user.name() == null ? user.username() : user.name(),
                    user.role() == null ? "user" : user.role(), audit);
        }
        barrier.awaitProjections();
        if (directory.credentialCount() == 0 && properties.fixedUsers().isEmpty()) {
            generateFirstCredentials(audit);
        }
    }

    private void ensureUser(String userId, String name, String role, AuditEntry audit) {
        if (directory.byUserId(userId).isEmpty()) {
            commands.sendAndWait(new CreateUserCommand(userId, name, AuthProperties.DEFAULT_COMPANY_ID,
                    AuthProperties.DEFAULT_COMPANY_NAME, name + "@localhost", role, null, null, audit));
            barrier.awaitProjections();
        }
    }

    private void ensureCredential(String userId, String accessKey, String secret, AuditEntry audit) {
        if (accessKey == null || secret == null) {
            log.warn("ignoring configured credentials without access-key or secret-key");
            return;
        }
        String hash = CredentialGenerator.sha256(secret);
        var stored = directory.secretHash(accessKey);
        if (stored.isPresent() && stored.get().equals(hash)) {
            return;
        }
        if (stored.isPresent()) {
            commands.sendAndWait(new RevokeCredentialsCommand(userId, accessKey, audit));
        }
        commands.sendAndWait(new CreateCredentialsCommand(userId, accessKey, hash, "configured", audit));
        log.info("provisioned configured credentials {} for user {}", accessKey, userId);
    }

    private void generateFirstCredentials(AuditEntry audit) {
        String userId = RequestAuthenticator.fixedUserId("admin");
        ensureUser(userId, "admin", "admin", audit);
        String accessKey = CredentialGenerator.accessKey();
        String secret = CredentialGenerator.secret();
        commands.sendAndWait(new CreateCredentialsCommand(userId, accessKey, CredentialGenerator.sha256(secret),
                "generated at first start", audit));
        barrier.awaitProjections();
        log.warn("""
                first start: generated API credentials for user 'admin' (shown only this once; keep them):
                api {
                  web_server: http://localhost:%d
                  api_server: http://localhost:%d
                  files_server: http://localhost:%d
                  credentials {
                    "access_key" = "%s"
                    "secret_key" = "%s"
                  }
                }""".formatted(webPort, apiPort, filesPort, accessKey, secret));
    }
}
