package io.debrief.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void everyOperationOfEveryPath() {
        Operation list = OASFactory.createOperation().operationId("list");
        Operation open = OASFactory.createOperation().operationId("open");
        Operation read = OASFactory.createOperation().operationId("read");
        var document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/loops", OASFactory.createPathItem().GET(list).POST(open))
                .addPathItem("/api/loops/{loopId}", OASFactory.createPathItem().GET(read))
                .addPathItem("/api/empty", OASFactory.createPathItem()));

        assertThat(Operations.of(document)).containsExactlyInAnyOrder(list, open, read);
    }

    @Test
    void aDocumentWithoutPathsHasNone() {
        assertThat(Operations.of(OASFactory.createOpenAPI())).isEmpty();
        assertThat(Operations.of(OASFactory.createOpenAPI().paths(OASFactory.createPaths()))).isEmpty();
    }
}
