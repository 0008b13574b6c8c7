package org.articula.lots;

import org.articula.localstack.testing.architecture.LayerRules;
import org.junit.jupiter.api.Test;

/** lots-service keeps the shared layering (LayerRules); plain JUnit over the compiled classes, no Quarkus. */
class LayeringTest {

    @Test
    void keepsTheLayering() {
        LayerRules.check("org.articula.lots");
    }
}
