package io.xstore.command;

import io.xstore.protocol.ApiException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a ClearML error by its code and subcode, for the aggregate fixtures' {@code expectException}. */
public final class ApiErrorMatcher {

    private ApiErrorMatcher() {
    }

    public static Matcher<ApiException> apiError(int code, int subcode) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiException e) {
                return e.code() == code && e.subcode() == subcode;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException " + code + "/" + subcode);
            }

            @Override
            protected void describeMismatchSafely(ApiException e, Description description) {
                description.appendText("was " + e.code() + "/" + e.subcode() + " " + e.getMessage());
            }
        };
    }
}
