package io.debrief.notification.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.debrief.notification.domain.WebhookUrlPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Applies {@link WebhookUrlPolicy} including the address check, which needs a DNS lookup: that runs on a worker
 * thread, never on the event loop. Checked when a subscription is created and again before every attempt (a name may
 * resolve elsewhere later).
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPrivateTargets;

    @Inject
    public WebhookTargets(WebhookConfig config) {
        this(config.allowPrivateTargets());
    }

    public WebhookTargets(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** Why the URL may not receive webhooks, or empty when it may. */
    public Uni<Optional<String>> problem(String url) {
        Optional<String> syntax = WebhookUrlPolicy.syntaxProblem(url);
        if (syntax.isPresent() || allowPrivateTargets) {
            return Uni.createFrom().item(syntax);
        }
        return Uni.createFrom().item(() -> addressProblem(WebhookUrlPolicy.host(url)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Optional<String> addressProblem(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).anyMatch(WebhookUrlPolicy::isPrivate)
                    ? Optional.of("must not target a private, loopback or link-local address")
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host cannot be resolved");
        }
    }
}
