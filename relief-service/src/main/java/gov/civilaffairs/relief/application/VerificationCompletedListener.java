package gov.civilaffairs.relief.application;

import java.math.BigDecimal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;
import gov.civilaffairs.platform.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Consumes income-verification-service's {@code income.verification-completed.v1} (topic {@value #TOPIC},
 * keyed by request id; contracts/events/income.verification-completed.v1.schema.json) and hands the reports
 * of allowance applications to {@link ApplicationService#onVerificationCompleted}. Tolerant reader: only
 * {@code requestId}, {@code householdId}, {@code purpose}, {@code livingMembers}, {@code householdMonthlyIncome}
 * and {@code determination} are read; reports for other purposes or other households are ignored. A record
 * that is not a valid event goes to {@value #TOPIC}-dlt through the platform's error handler.
 */
@Configuration(proxyBeanMethods = false)
class VerificationCompletedListener {

  static final String TOPIC = "income.verification.v1";

  private static final Logger log = LoggerFactory.getLogger(VerificationCompletedListener.class);

  private final ApplicationService applications;

  VerificationCompletedListener(ApplicationService applications) {
    this.applications = applications;
  }

  /** The topic consumed and its dead-letter topic {@code income.verification.v1-dlt}. */
  @Bean
  KafkaAdmin.NewTopics incomeVerificationTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}")
  void on(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    if (!ApplicationService.VERIFICATION_COMPLETED.equals(event.type())) {
      log.debug("Ignoring event {} of type {}", event.id(), event.type());
      return;
    }
    JsonNode data = event.data();
    if (!"ALLOWANCE_APPLICATION".equals(data.path("purpose").asString(""))) {
      return;
    }
    JsonNode determination = data.path("determination");
    String outcome = determination.path("outcome").asString(null);
    if (outcome == null || !data.path("requestId").isIntegralNumber()
        || !data.path("householdMonthlyIncome").isNumber()) {
      throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
          + ": requestId, householdMonthlyIncome or determination.outcome is missing", null);
    }
    BigDecimal income = data.path("householdMonthlyIncome").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
    AllowanceApplication.Verification report = new AllowanceApplication.Verification(outcome,
        determination.path("rule").asString(""), determination.path("explanation").asString(null), income,
        data.path("livingMembers").isIntegralNumber() ? data.path("livingMembers").intValue() : null);
    applications.onVerificationCompleted(event.id(), data.path("requestId").longValue(),
        data.path("householdId").asString(null), report);
  }
}
