package io.xstore.query.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrollTokensTest {

    private final ScrollTokens tokens = new ScrollTokens();

    private static ObjectNode state() {
        ObjectNode state = ScrollTokens.newState();
        state.put("task", "abc");
        state.putArray("after").add(5).add("x");
        return state;
    }

    @Test
    void aTokenOpensToItsState() {
        String token = tokens.issue("events", "company", state());

        assertThat(tokens.open(token, "events", "company")).isEqualTo(state());
    }

    @Test
    void anAlteredTokenIsAnInvalidScrollId() {
        String token = tokens.issue("events", "company", state());
        String altered = (token.charAt(0) == 'e' ? 'f' : 'e') + token.substring(1);

        assertInvalid(() -> tokens.open(altered, "events", "company"));
        assertInvalid(() -> tokens.open(token + "A", "events", "company"));
        assertInvalid(() -> tokens.open("nonsense", "events", "company"));
        assertInvalid(() -> tokens.open("", "events", "company"));
    }

    @Test
    void aTokenOfAnotherKindCompanyOrProcessIsInvalid() {
        String token = tokens.issue("events", "company", state());

        assertInvalid(() -> tokens.open(token, "plots", "company"));
        assertInvalid(() -> tokens.open(token, "events", "other"));
        assertInvalid(() -> new ScrollTokens().open(token, "events", "company"));
    }

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.subcode()).isEqualTo(1104);
        });
    }
}
