package gov.civilaffairs.registry.dci;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.AuditObject;
import gov.civilaffairs.platform.audit.AuditOutcome;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.death.DeathRegistry;
import gov.civilaffairs.registry.death.DeathSourcePolicy;
import gov.civilaffairs.registry.death.DeathReport;
import gov.civilaffairs.registry.death.DeathSource;
import gov.civilaffairs.registry.death.RegistrationOutcome;
import gov.civilaffairs.registry.dci.DciNotifyMessages.Ack;
import gov.civilaffairs.registry.dci.DciNotifyMessages.Acknowledgement;
import gov.civilaffairs.registry.dci.DciNotifyMessages.Envelope;
import gov.civilaffairs.registry.dci.DciNotifyMessages.NotifyEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DCI CRVS notify ({@code POST /registry/notify}, DCI CRVS API v1.0.0): a civil registry notifies a
 * death. Each death event becomes a report with source {@link DeathSource#HUKOU_CANCELLATION}: in
 * China the civil register that notifies a death is the household register kept by the police, and
 * its notification is the cancellation of the person's hukou. The source reference is the event's
 * {@code reference_id}, so a message sent again is answered ACK and registers nothing twice.
 *
 * <p>Answer: {@code ACK} when every death event was registered (confirmed, attached, held for review
 * or a duplicate); {@code NACK} when the message held no death event (nothing to do, no callback);
 * {@code ERR} with {@code err.request.bad} (HTTP 400) when the header or an event is invalid (events
 * before it are kept; sending the message again is safe) and {@code err.encryption.invalid} for an
 * encrypted message, which the registry does not accept yet. TODO(lead): signature verification
 * ({@code err.signature.*}) with the gateway's sender keys.
 */
@RestController
@Tag(name = "DCI CRVS", description = "DCI CRVS 互操作接口: death notifications from a civil registry")
class DciNotifyController {

  private final DeathRegistry registry;
  private final DeathSourcePolicy sources;
  private final Clock clock;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  DciNotifyController(DeathRegistry registry, DeathSourcePolicy sources, Clock clock, AuditTrail audit,
      PlatformTransactionManager transactionManager) {
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.registry = registry;
    this.sources = sources;
    this.clock = clock;
  }

  @PostMapping(path = "/registry/notify", consumes = "application/json")
  @PreAuthorize("hasAuthority('SCOPE_deaths:write') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Receive a DCI CRVS notify message (death events)",
      description = "Envelope {signature, header (action notify), message: NotifyEventRequest}. Answers the spec's "
          + "acknowledgement {message: {ack_status ACK|NACK|ERR, timestamp, correlation_id, error}}. 403 "
          + "source-not-allowed (problem+json) when the caller may not report HUKOU_CANCELLATION "
          + "(registry.death-sources), before anything is read.")
  ResponseEntity<Acknowledgement> notify(@RequestBody Envelope envelope, Caller caller) {
    sources.require(caller, DeathSource.HUKOU_CANCELLATION);
    String correlationId = UUID.randomUUID().toString();
    if (envelope.header() == null || !"notify".equals(envelope.header().action())) {
      return error(correlationId, "err.request.bad", "header.action must be notify");
    }
    if (Boolean.TRUE.equals(envelope.header().isMsgEncrypted())) {
      return error(correlationId, "err.encryption.invalid", "encrypted messages are not accepted");
    }
    if (envelope.message() == null || envelope.message().notifyEvent() == null) {
      return error(correlationId, "err.request.bad", "message.notify_event is required");
    }
    List<NotifyEvent> deaths = envelope.message().notifyEvent().stream().filter(DciNotifyController::isDeath).toList();
    if (deaths.isEmpty()) {
      return ResponseEntity.ok(ack("NACK", correlationId, null));
    }
    List<String> problems = new ArrayList<>();
    for (NotifyEvent event : deaths) {
      try {
        DeathReport report = toReport(event);
        // each event commits on its own, with the audit entry of the record it created or held (issue 3)
        transaction.executeWithoutResult(status -> {
          DeathRegistry.Registration registration = registry.register(report);
          if (registration.outcome() != RegistrationOutcome.DUPLICATE) {
            audit.record(AuditAction.CREATE, new AuditObject("death-record",
                String.valueOf(registration.deathRecordId()), report.nationalIdNumber()), AuditOutcome.SUCCESS);
          }
        });
      } catch (ProblemException | IllegalArgumentException e) {
        problems.add(event.referenceId() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return error(correlationId, "err.request.bad", String.join("; ", problems));
    }
    return ResponseEntity.ok(ack("ACK", correlationId, null));
  }

  private static boolean isDeath(NotifyEvent event) {
    return event != null && event.data() != null && event.data().regEventType() != null
        && event.data().regEventType().toLowerCase().endsWith("death");
  }

  private DeathReport toReport(NotifyEvent event) {
    JsonNode person = event.data().regRecords();
    if (person == null || person.isMissingNode() || person.isNull()) {
      throw new IllegalArgumentException("reg_records is required");
    }
    JsonNode name = person.path("name");
    String fullName = name.isString() ? name.asString()
        : name.path("surname").asString("") + name.path("given_name").asString("");
    String deathDate = person.path("death_date").asString("");
    LocalDate date = null;
    OffsetDateTime time = null;
    try {
      if (deathDate.length() == 10) {
        date = LocalDate.parse(deathDate);
      } else if (!deathDate.isEmpty()) {
        time = parseTime(deathDate);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("death_date is not an ISO 8601 date or date-time");
    }
    return new DeathReport(person.path("identifier").path("identifier_value").asString(null), fullName, date, time,
        DeathSource.HUKOU_CANCELLATION, event.referenceId(), null);
  }

  /** A date-time with offset, or without one: then it is Asia/Shanghai local time. */
  private OffsetDateTime parseTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atZone(clock.getZone()).toOffsetDateTime();
    }
  }

  private ResponseEntity<Acknowledgement> error(String correlationId, String code, String message) {
    String text = message.length() > 999 ? message.substring(0, 999) : message;
    return ResponseEntity.badRequest().body(ack("ERR", correlationId, new DciNotifyMessages.Error(code, text)));
  }

  private Acknowledgement ack(String status, String correlationId, DciNotifyMessages.Error error) {
    return new Acknowledgement(new Ack(status, OffsetDateTime.now(clock).toString(), correlationId, error));
  }
}
