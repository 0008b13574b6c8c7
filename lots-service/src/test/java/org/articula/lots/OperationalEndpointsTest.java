package org.articula.lots;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.articula.localstack.testing.OperationalEndpointsContract;
import org.articula.localstack.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class OperationalEndpointsTest extends OperationalEndpointsContract {
}
