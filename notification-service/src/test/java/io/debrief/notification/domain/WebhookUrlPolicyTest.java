package io.debrief.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://hooks.example.com/debrief", "http://hooks.example.com:8080/a?b=c",
            "https://[2001:db8::1]/hook", "HTTPS://EXAMPLE.COM/" })
    void httpAndHttpsUrlsAreAccepted(String url) {
        assertThat(WebhookUrlPolicy.syntaxProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://hooks.example.com/", "file:///etc/passwd", "javascript:alert(1)",
            "hooks.example.com/path", "https://user:secret@hooks.example.com/", "https://user@hooks.example.com/",
            "https:///no-host", "not a url", "", "   ", "https://hooks.example.com/#fragment" })
    void otherUrlsAreRefused(String url) {
        assertThat(WebhookUrlPolicy.syntaxProblem(url)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void urlsLongerThan2000CharactersAreRefused() {
        String prefix = "https://hooks.example.com/";
        assertThat(WebhookUrlPolicy.syntaxProblem(prefix + "a".repeat(2000 - prefix.length()))).isEmpty();
        assertThat(WebhookUrlPolicy.syntaxProblem(prefix + "a".repeat(2001 - prefix.length())))
                .contains("must be at most 2000 characters");
        assertThat(WebhookUrlPolicy.syntaxProblem(null)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::" })
    void privateLoopbackAndLinkLocalAddressesArePrivate(String address) throws Exception {
        assertThat(WebhookUrlPolicy.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888" })
    void publicAddressesAreNotPrivate(String address) throws Exception {
        assertThat(WebhookUrlPolicy.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void hostOfAnIpv6UrlHasNoBrackets() {
        assertThat(WebhookUrlPolicy.host("https://[::1]:8443/x")).isEqualTo("::1");
        assertThat(WebhookUrlPolicy.host("https://hooks.example.com/x")).isEqualTo("hooks.example.com");
    }
}
