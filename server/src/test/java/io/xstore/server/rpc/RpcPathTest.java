package io.xstore.server.rpc;

import io.xstore.protocol.ApiException;
import io.xstore.protocol.ApiVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcPathTest {

    @Test
    void pathWithoutVersionResolvesToTheServerMaximum() {
        RpcPath path = RpcPath.parse("/auth.login");
        assertThat(path.endpoint()).isEqualTo("auth.login");
        assertThat(path.version()).isEqualTo(ApiVersion.MAX);
    }

    @Test
    void versionPrefixAndTrailingSlashAreAccepted() {
        RpcPath path = RpcPath.parse("/v999.0/projects.get_all_ex/");
        assertThat(path.endpoint()).isEqualTo("projects.get_all_ex");
        assertThat(path.version()).isEqualTo(new ApiVersion(999, 0));
    }

    @Test
    void twoDigitMinorVersionsCompareNumerically() {
        assertThat(RpcPath.parse("/v2.9/tasks.get_all").version())
                .isLessThan(RpcPath.parse("/v2.10/tasks.get_all").version());
    }

    @Test
    void pathOutsideTheGrammarIsABadRequest() {
        assertThatThrownBy(() -> RpcPath.parse("/tasks"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void majorOnlyVersionIsInvalid() {
        assertThatThrownBy(() -> RpcPath.parse("/v2/tasks.get_all"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.subcode()).isEqualTo(2);
                });
    }
}
