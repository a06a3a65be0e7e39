package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch approval of medical assistance settlements by document (审批文号): the county's civil-affairs office approves
 * a list of settlements under one document number (国办发〔2021〕42号 leaves the approval procedure to local rules;
 * this follows the county practice of approving one-stop settlements in batches). Each settlement is approved once;
 * a document number names one batch (the same number with the same settlements again answers the batch made).
 */
@Service
public class ApprovalBatchService {

  private final JdbcClient jdbc;
  private final BureauClock clock;

  ApprovalBatchService(JdbcClient jdbc, BureauClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The batch and whether this request made it. */
  public record Made(ApprovalBatch batch, boolean created) {
  }

  /**
   * @param regionCode the approving office's area code (6-digit county, empty for the city)
   * @throws ProblemException 422 {@code unknown-settlement} (unknown or outside {@code area}; member
   *     {@code settlementIds}), {@code date-in-future}, {@code approved-before-settlement}; 409
   *     {@code document-number-used} (the number names a batch of other settlements),
   *     {@code settlement-already-approved} (member {@code settlementIds})
   */
  @Transactional
  public Made approve(String documentNumber, LocalDate approvedOn, List<Long> settlementIds, RegionScope area,
      String regionCode, String actor) {
    Set<Long> wanted = new TreeSet<>(settlementIds);
    Optional<Long> existing = jdbc.sql("SELECT id FROM medical_approval_batch WHERE document_number = ? FOR UPDATE")
        .param(documentNumber).query(Long.class).optional();
    if (existing.isPresent()) {
      Set<Long> approved = new TreeSet<>(jdbc.sql("SELECT id FROM medical_settlement WHERE approval_batch_id = ?")
          .param(existing.get()).query(Long.class).list());
      if (approved.equals(wanted)) {
        return new Made(find(existing.get(), area), false);
      }
      throw ProblemException.conflict("document-number-used", "Document number " + documentNumber
          + " already names batch " + existing.get() + " of other settlements.");
    }
    if (approvedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "approvedOn is after today.");
    }
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    List<MedicalSettlement> found = new ArrayList<>();
    for (Long id : wanted) {
      jdbc.sql("SELECT * FROM medical_settlement WHERE id = ? AND " + within.sql() + " FOR UPDATE")
          .param(id).params(within.parameters())
          .query((rs, n) -> MedicalAssistanceService.settlement(rs)).optional().ifPresent(found::add);
    }
    Set<Long> foundIds = new HashSet<>(found.stream().map(MedicalSettlement::id).toList());
    List<Long> unknown = wanted.stream().filter(id -> !foundIds.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-settlement",
          "Settlements " + unknown + " do not exist within your area.",
          Map.of("field", "settlementIds", "settlementIds", unknown));
    }
    List<Long> approvedBefore = found.stream().filter(s -> s.approvalBatchId() != null)
        .map(MedicalSettlement::id).toList();
    if (!approvedBefore.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "settlement-already-approved",
          "Settlements " + approvedBefore + " are approved in another batch.", Map.of("settlementIds", approvedBefore));
    }
    LocalDate lastSettled = found.stream().map(MedicalSettlement::settledOn).max(LocalDate::compareTo).orElseThrow();
    if (approvedOn.isBefore(lastSettled)) {
      throw ProblemException.unprocessable("approved-before-settlement",
          "approvedOn is before the settlement of " + lastSettled + " it approves.");
    }
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    BigDecimal eligible = total;
    BigDecimal paid = total;
    BigDecimal offset = total;
    for (MedicalSettlement s : found) {
      total = total.add(s.totalCost());
      eligible = eligible.add(s.eligibleOutOfPocket());
      paid = paid.add(s.assistancePaid());
      offset = offset.add(s.advanceOffset());
    }
    int persons = (int) found.stream().map(MedicalSettlement::nationalIdNumber).distinct().count();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO medical_approval_batch (document_number, region_code, approved_on, settlements, persons, total_cost,
          eligible_out_of_pocket, assistance_paid, advances_offset, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(documentNumber, regionCode, approvedOn, found.size(), persons, total, eligible, paid, offset, actor)
        .update(key);
    long batchId = key.getKey().longValue();
    for (MedicalSettlement s : found) {
      jdbc.sql("UPDATE medical_settlement SET approval_batch_id = ? WHERE id = ? AND approval_batch_id IS NULL")
          .params(batchId, s.id()).update();
    }
    return new Made(find(batchId, area), true);
  }

  /**
   * A batch whose office area touches {@code area}, with its lines within {@code area}.
   *
   * @throws ProblemException 404 when unknown or not touching {@code area}
   */
  public ApprovalBatch find(long id, RegionScope area) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    List<MedicalSettlement> lines = jdbc.sql("SELECT * FROM medical_settlement WHERE approval_batch_id = ? AND "
            + within.sql() + " ORDER BY id")
        .param(id).params(within.parameters()).query((rs, n) -> MedicalAssistanceService.settlement(rs)).list();
    return jdbc.sql("SELECT * FROM medical_approval_batch WHERE id = ?").param(id)
        .query((rs, n) -> new ApprovalBatch(rs.getLong("id"), rs.getString("document_number"),
            rs.getString("region_code"), rs.getObject("approved_on", LocalDate.class), rs.getInt("settlements"),
            rs.getInt("persons"), rs.getBigDecimal("total_cost"), rs.getBigDecimal("eligible_out_of_pocket"),
            rs.getBigDecimal("assistance_paid"), rs.getBigDecimal("advances_offset"),
            rs.getBigDecimal("assistance_paid").subtract(rs.getBigDecimal("advances_offset")), lines))
        .optional()
        .filter(b -> area.covers(b.regionCode()) || (area.prefix() != null && area.prefix().startsWith(b.regionCode())))
        .orElseThrow(() -> ProblemException.notFound("Approval batch", id));
  }

  /** Settlements within {@code area} not yet approved, oldest first, a page at a time. */
  public List<MedicalSettlement> unapproved(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM medical_settlement WHERE approval_batch_id IS NULL AND " + within.sql()
            + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param((long) page * size)
        .query((rs, n) -> MedicalAssistanceService.settlement(rs)).list();
  }
}
