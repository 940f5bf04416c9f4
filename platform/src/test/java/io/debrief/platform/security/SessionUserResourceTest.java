package io.debrief.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class SessionUserResourceTest {

    @Test
    void theUserIsTheTokensSubjectWithItsGroupsSorted() {
        var user = new SessionUserResource(token(Map.of("sub", "alice", "groups", Set.of("recruiter", "interviewer")))).user();

        assertThat(user.id()).isEqualTo("alice");
        assertThat(user.roles()).containsExactly("interviewer", "recruiter");
    }

    @Test
    void aTokenWithoutGroupsHasNoRoles() {
        assertThat(new SessionUserResource(token(Map.of("sub", "bob"))).user().roles()).isEmpty();
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
