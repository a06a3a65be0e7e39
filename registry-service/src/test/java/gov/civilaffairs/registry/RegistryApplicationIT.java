package gov.civilaffairs.registry;

import gov.civilaffairs.platform.test.ServiceSmokeChecks;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** The service starts against the real database and an embedded Kafka broker and answers as every service must. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class RegistryApplicationIT extends ServiceSmokeChecks {
}
