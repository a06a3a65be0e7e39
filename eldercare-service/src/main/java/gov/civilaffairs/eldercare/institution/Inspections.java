package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections of care institutions (监督检查, 养老机构管理办法 民政部令第66号 ch. 5) with their findings, the orders
 * to rectify a finding by a deadline (责令限期改正) and the follow-up checks (复查) until it is rectified. An order
 * whose deadline has passed while it is OPEN is overdue.
 */
@Service
public class Inspections {

  private final InspectionRepository repository;
  private final BureauClock clock;

  Inspections(InspectionRepository repository, BureauClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * A finding as recorded; {@code requirement} and {@code deadline} together give a rectification order.
   */
  public record NewFinding(String item, String description, String requirement, LocalDate deadline) {
  }

  /**
   * Records an inspection; a finding with a deadline gets a rectification order.
   *
   * @throws ProblemException 422 {@code future-date} for an inspection after today; 422
   *     {@code deadline-not-after-inspection} for a deadline on or before the inspection day; 422
   *     {@code requirement-without-deadline} when only one of requirement and deadline is given
   */
  @Transactional
  public Inspection record(CareInstitution institution, LocalDate inspectedOn, String inspector,
      List<NewFinding> findings) {
    if (inspectedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "inspectedOn: " + inspectedOn + " is after today.");
    }
    for (int i = 0; i < findings.size(); i++) {
      NewFinding finding = findings.get(i);
      if ((finding.requirement() == null) != (finding.deadline() == null)) {
        throw ProblemException.unprocessable("requirement-without-deadline",
            "findings[" + i + "]: a rectification order needs both requirement and deadline.");
      }
      if (finding.deadline() != null && !finding.deadline().isAfter(inspectedOn)) {
        throw ProblemException.unprocessable("deadline-not-after-inspection",
            "findings[" + i + "].deadline must be after the inspection day " + inspectedOn + ".");
      }
    }
    Inspection.Result result = findings.isEmpty() ? Inspection.Result.PASSED : Inspection.Result.FINDINGS;
    long id = repository.insertInspection(institution.id(), inspectedOn, inspector, result, clock.now());
    for (NewFinding finding : findings) {
      long findingId = repository.insertFinding(id, finding.item(), finding.description());
      if (finding.deadline() != null) {
        repository.insertOrder(institution.id(), id, findingId, finding.requirement(), finding.deadline());
      }
    }
    return inspection(institution, id);
  }

  /** The institution's inspections, oldest first. */
  public List<Inspection> inspections(CareInstitution institution) {
    return repository.inspections(institution.id()).stream().map(row -> inspection(institution, row.id())).toList();
  }

  /** The institution's rectification orders, oldest first, each with whether it is overdue today. */
  public List<RectificationOrder> orders(CareInstitution institution) {
    return repository.ordersOf(institution.id()).stream().map(this::order).toList();
  }

  /** OPEN orders past their deadline of institutions within {@code area}, oldest deadline first. */
  public List<RectificationOrder> overdue(RegionScope area, int size) {
    return repository.overdue(area, clock.today(), size).stream().map(this::order).toList();
  }

  /** @throws ProblemException 404 for an order not of this institution */
  public RectificationOrder order(CareInstitution institution, long orderId) {
    return repository.order(orderId).filter(row -> row.institutionId() == institution.id()).map(this::order)
        .orElseThrow(() -> ProblemException.notFound("Rectification order", orderId));
  }

  /**
   * Records a follow-up check; a rectified finding closes the order (RECTIFIED on {@code checkedOn}).
   *
   * @throws ProblemException 404 for an order not of this institution; 409 {@code order-closed} for a RECTIFIED
   *     order; 422 {@code future-date} or {@code before-inspection}
   */
  @Transactional
  public RectificationOrder followUp(CareInstitution institution, long orderId, LocalDate checkedOn,
      boolean rectified, String note) {
    RectificationOrder order = order(institution, orderId);
    repository.lockOrder(orderId);
    order = order(institution, orderId);
    if (order.status() != RectificationOrder.Status.OPEN) {
      throw ProblemException.conflict("order-closed", "The order was rectified on " + order.rectifiedOn() + ".");
    }
    if (checkedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "checkedOn: " + checkedOn + " is after today.");
    }
    LocalDate inspectedOn = repository.inspection(order.inspectionId()).orElseThrow().inspectedOn();
    if (checkedOn.isBefore(inspectedOn)) {
      throw ProblemException.unprocessable("before-inspection", "checkedOn is before the inspection of " + inspectedOn);
    }
    repository.insertFollowUp(orderId, checkedOn, rectified, note);
    if (rectified) {
      repository.markRectified(orderId, checkedOn);
    }
    return order(institution, orderId);
  }

  private Inspection inspection(CareInstitution institution, long id) {
    var row = repository.inspection(id).orElseThrow();
    return new Inspection(row.id(), institution.id(), row.inspectedOn(), row.inspector(), row.result(),
        repository.findings(id));
  }

  private RectificationOrder order(InspectionRepository.OrderRow row) {
    boolean overdue = row.status() == RectificationOrder.Status.OPEN && clock.today().isAfter(row.deadline());
    return new RectificationOrder(row.id(), row.institutionId(), row.inspectionId(), row.findingId(),
        row.requirement(), row.deadline(), row.status(), row.rectifiedOn(), overdue, repository.followUps(row.id()));
  }
}
