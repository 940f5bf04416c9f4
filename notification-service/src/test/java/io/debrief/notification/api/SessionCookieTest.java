package io.debrief.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyaXRhIn0.c2lnbmF0dXJl-_";

    @Test
    void bearerTokenIsTakenFromTheAuthorizationHeaderWhateverTheSchemesCase() {
        assertThat(SessionResource.bearerToken("Bearer " + TOKEN)).contains(TOKEN);
        assertThat(SessionResource.bearerToken("bearer " + TOKEN)).contains(TOKEN);
        assertThat(SessionResource.bearerToken("BEARER  " + TOKEN + " ")).contains(TOKEN);
    }

    @Test
    void otherSchemesAndEmptyTokensAreNoBearerToken() {
        assertThat(SessionResource.bearerToken(null)).isEmpty();
        assertThat(SessionResource.bearerToken("")).isEmpty();
        assertThat(SessionResource.bearerToken("Bearer")).isEmpty();
        assertThat(SessionResource.bearerToken("Bearer   ")).isEmpty();
        assertThat(SessionResource.bearerToken("Basic cml0YTpzZWNyZXQ=")).isEmpty();
        assertThat(SessionResource.bearerToken(TOKEN)).isEmpty();
    }

    @Test
    void valueThatCouldAddCookieAttributesIsNoBearerToken() {
        // it would end up in Set-Cookie: nothing but base64url and dots may
        assertThat(SessionResource.bearerToken("Bearer " + TOKEN + "; Domain=evil.example")).isEmpty();
        assertThat(SessionResource.bearerToken("Bearer " + TOKEN + "\r\nSet-Cookie: x=y")).isEmpty();
        assertThat(SessionResource.bearerToken("Bearer a b")).isEmpty();
    }

    @Test
    void cookieIsHttpOnlySameSiteStrictForTheWholeSiteAndSecureOnlyWhenAsked() {
        assertThat(SessionResource.cookie(TOKEN, 3600, false))
                .isEqualTo("debrief_token=" + TOKEN + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict");
        assertThat(SessionResource.cookie(TOKEN, 3600, true)).endsWith("; HttpOnly; SameSite=Strict; Secure");
    }
}
