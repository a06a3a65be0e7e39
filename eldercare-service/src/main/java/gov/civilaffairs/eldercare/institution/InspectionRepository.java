package gov.civilaffairs.eldercare.institution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code inspection}, {@code inspection_finding}, {@code rectification_order}, {@code rectification_follow_up}. */
@Repository
class InspectionRepository {

  private final JdbcClient jdbc;

  InspectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record InspectionRow(long id, long institutionId, LocalDate inspectedOn, String inspector, Inspection.Result result) {
  }

  record OrderRow(long id, long institutionId, long inspectionId, long findingId, String requirement,
      LocalDate deadline, RectificationOrder.Status status, LocalDate rectifiedOn) {
  }

  long insertInspection(long institutionId, LocalDate inspectedOn, String inspector, Inspection.Result result,
      Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inspection (institution_id, inspected_on, inspector, result, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(institutionId, inspectedOn, inspector, result.name(), now).update(key);
    return key.getKey().longValue();
  }

  long insertFinding(long inspectionId, String item, String description) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inspection_finding (inspection_id, item, description) VALUES (?, ?, ?)")
        .params(inspectionId, item, description).update(key);
    return key.getKey().longValue();
  }

  long insertOrder(long institutionId, long inspectionId, long findingId, String requirement, LocalDate deadline) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO rectification_order (institution_id, inspection_id, finding_id, requirement, deadline, status)
        VALUES (?, ?, ?, ?, ?, 'OPEN')""").params(institutionId, inspectionId, findingId, requirement, deadline)
        .update(key);
    return key.getKey().longValue();
  }

  List<InspectionRow> inspections(long institutionId) {
    return jdbc.sql("SELECT * FROM inspection WHERE institution_id = ? ORDER BY id").param(institutionId)
        .query(InspectionRow.class).list();
  }

  Optional<InspectionRow> inspection(long id) {
    return jdbc.sql("SELECT * FROM inspection WHERE id = ?").param(id).query(InspectionRow.class).optional();
  }

  List<Inspection.Finding> findings(long inspectionId) {
    return jdbc.sql("""
        SELECT f.id, f.item, f.description, o.id AS rectification_order_id
        FROM inspection_finding f LEFT JOIN rectification_order o ON o.finding_id = f.id
        WHERE f.inspection_id = ? ORDER BY f.id""").param(inspectionId).query(Inspection.Finding.class).list();
  }

  Optional<OrderRow> order(long id) {
    return jdbc.sql("SELECT * FROM rectification_order WHERE id = ?").param(id).query(OrderRow.class).optional();
  }

  List<OrderRow> ordersOf(long institutionId) {
    return jdbc.sql("SELECT * FROM rectification_order WHERE institution_id = ? ORDER BY id").param(institutionId)
        .query(OrderRow.class).list();
  }

  /** OPEN orders past their deadline ({@code deadline < today}) of institutions within {@code area}, oldest deadline first. */
  List<OrderRow> overdue(RegionScope area, LocalDate today, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("i.region_code");
    return jdbc.sql("SELECT o.* FROM rectification_order o JOIN care_institution i ON i.id = o.institution_id"
        + " WHERE o.status = 'OPEN' AND o.deadline < ? AND " + within.sql() + " ORDER BY o.deadline, o.id LIMIT ?")
        .param(today).params(within.parameters()).param(size).query(OrderRow.class).list();
  }

  List<RectificationOrder.FollowUp> followUps(long orderId) {
    return jdbc.sql("SELECT checked_on, rectified, note FROM rectification_follow_up WHERE order_id = ? ORDER BY id")
        .param(orderId).query(RectificationOrder.FollowUp.class).list();
  }

  void insertFollowUp(long orderId, LocalDate checkedOn, boolean rectified, String note) {
    jdbc.sql("INSERT INTO rectification_follow_up (order_id, checked_on, rectified, note) VALUES (?, ?, ?, ?)")
        .params(orderId, checkedOn, rectified, note).update();
  }

  void markRectified(long orderId, LocalDate rectifiedOn) {
    jdbc.sql("UPDATE rectification_order SET status = 'RECTIFIED', rectified_on = ? WHERE id = ? AND status = 'OPEN'")
        .params(rectifiedOn, orderId).update();
  }

  /** Locks the order's row until the transaction ends. */
  void lockOrder(long orderId) {
    jdbc.sql("SELECT id FROM rectification_order WHERE id = ? FOR UPDATE").param(orderId).query(Long.class).optional();
  }
}
