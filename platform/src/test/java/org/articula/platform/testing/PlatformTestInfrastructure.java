package org.articula.platform.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.articula.localstack.testing.RealInfrastructure;

/** Every @QuarkusTest of this module runs against real PostgreSQL and Kafka (global test resource). */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public class PlatformTestInfrastructure {
}
