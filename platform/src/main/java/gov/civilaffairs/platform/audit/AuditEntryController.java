package gov.civilaffairs.platform.audit;

import gov.civilaffairs.platform.masking.Masking;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.civilaffairs.platform.audit.AuditEntryRepository.AuditEntryFilter;
import gov.civilaffairs.platform.web.ProblemException;

/**
 * {@code GET /audit-entries}: the auditor's view of this service's audit trail (GB/T 22239-2019
 * 8.1.4.3 c: audit records are protected and can be reviewed). Every service answers it; the gateway
 * routes {@code /api/<service>/audit-entries} to it.
 *
 * <p>Authorization: meant for the {@code AUDITOR} role only. The platform adds no security of its
 * own; the security configuration must restrict this path ({@code hasRole('AUDITOR')}), see
 * docs/audit.md. The query itself is audited (object type {@code audit-entry}).
 */
@RestController
public class AuditEntryController {

  private final AuditEntryRepository entries;
  private final AuditProperties.Query limits;

  public AuditEntryController(AuditEntryRepository entries, AuditProperties properties) {
    this.entries = entries;
    this.limits = properties.query();
  }

  /**
   * Entries matching every given filter, newest first ({@code occurred_at}, then id, descending).
   *
   * @param person person id or national ID number (masked before comparing, as entries store it)
   * @param actor user name or client id
   * @param objectType kind of record, for example {@code household}
   * @param from earliest time, ISO-8601 instant, inclusive
   * @param to latest time, ISO-8601 instant, exclusive
   * @param page zero-based page number, default 0
   * @param size entries per page, default {@code platform.audit.query.default-page-size} (50), at most
   *     {@code platform.audit.query.max-page-size} (500)
   * @return one page of entries
   * @throws ProblemException 400 {@code validation-failed} for a negative page, a size out of range, or
   *     {@code from} after {@code to}
   */
  @GetMapping("/audit-entries")
  @Audited(action = AuditAction.READ, objectType = "audit-entry", person = "#person")
  public AuditEntryPage find(@RequestParam(required = false) String person,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String objectType,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
    int pageSize = size == null ? limits.defaultPageSize() : size;
    if (page < 0) {
      throw invalid("page", "Min", "must be 0 or more");
    }
    if (pageSize < 1 || pageSize > limits.maxPageSize()) {
      throw invalid("size", "Range", "must be between 1 and " + limits.maxPageSize());
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw invalid("from", "NotAfterTo", "must not be after 'to'");
    }
    AuditEntryFilter filter = new AuditEntryFilter(Masking.inText(person), actor, objectType, from, to);
    List<AuditEntry> found = entries.find(filter, (long) page * pageSize, pageSize + 1);
    boolean hasNext = found.size() > pageSize;
    return new AuditEntryPage(hasNext ? found.subList(0, pageSize) : found, page, pageSize, hasNext);
  }

  private static ProblemException invalid(String field, String rule, String message) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed",
        "The request has 1 invalid value(s); see errors.",
        Map.of("errors", List.of(Map.of("field", field, "rule", rule, "message", message))));
  }

  /**
   * One page of audit entries.
   *
   * @param entries the entries, newest first
   * @param page zero-based page number
   * @param size the page size asked for
   * @param hasNext whether a next page has entries
   */
  public record AuditEntryPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {
  }
}
