package io.debrief.platform.openapi;

import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The operations of an OpenAPI document, for the build filters that document what every operation of a kind answers
 * ({@code ProblemResponses}, {@code BodyResponses}, a service's own).
 */
public final class Operations {

    private Operations() {
    }

    /** Every operation of every path; none when the document has no paths. */
    public static Stream<Operation> of(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return openAPI.getPaths().getPathItems().values().stream()
                .map(PathItem::getOperations)
                .filter(Objects::nonNull)
                .flatMap(operations -> operations.values().stream());
    }
}
