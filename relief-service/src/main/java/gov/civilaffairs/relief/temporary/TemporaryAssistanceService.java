package gov.civilaffairs.relief.temporary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.time.CalendarNotCoveredException;
import gov.civilaffairs.platform.time.WorkingDayCalendar;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.person.PersonIndex;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Temporary assistance (临时救助; 国发〔2014〕47号, 《社会救助暂行办法》 ch. 10, local values in
 * {@link TemporaryAssistanceProperties}). An emergency case (急难型) is paid when it is recorded and approved
 * afterwards within a number of working days; an expenditure case (支出型) is approved, then paid. The
 * township approves amounts up to its limit, the county above it. The same cause of the same person is
 * assisted once within the configured interval (default one year).
 */
@Service
public class TemporaryAssistanceService {

  private final TemporaryAssistanceRepository cases;
  private final PersonIndex persons;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final WorkingDayCalendar calendar;
  private final TemporaryAssistanceProperties properties;
  private final TransactionTemplate transactions;

  TemporaryAssistanceService(TemporaryAssistanceRepository cases, PersonIndex persons, RegionDirectory regions,
      BureauClock clock, WorkingDayCalendar calendar, TemporaryAssistanceProperties properties,
      TransactionTemplate transactions) {
    this.cases = cases;
    this.persons = persons;
    this.regions = regions;
    this.clock = clock;
    this.calendar = calendar;
    this.properties = properties;
    this.transactions = transactions;
  }

  /** A case as recorded by the caseworker. */
  public record NewCase(String regionCode, NationalIdNumber nationalIdNumber, String name,
      TemporaryAssistance.Kind kind, TemporaryAssistance.Cause cause, String circumstances, BigDecimal amount) {
  }

  /**
   * Records a case; an emergency case is paid at once.
   *
   * @throws ProblemException 422 {@code unknown-village}, {@code amount-over-maximum}, {@code person-not-enrollable}
   *     (deceased or not indexed); 409 {@code same-cause-within-year} (member {@code previousCaseId}); 503
   *     {@code registry-unavailable} for an expenditure case while the registry is down (an emergency case is
   *     paid anyway, with {@code registryStatus: UNAVAILABLE} for the approver to see)
   */
  public TemporaryAssistance record(NewCase c, Caller caller) {
    if (regions.find(c.regionCode()).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-village",
          "Region code " + c.regionCode() + " is not a known village or community committee.");
    }
    if (c.amount().compareTo(properties.maximumAmount()) > 0) {
      throw ProblemException.unprocessable("amount-over-maximum", "amount " + c.amount() + " is over the maximum of "
          + properties.maximumAmount() + " yuan per case (relief.temporary.maximum-amount).");
    }
    PersonStatus status = persons.check(c.nationalIdNumber().value());
    if (status == PersonStatus.DECEASED || status == PersonStatus.NOT_INDEXED) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "person-not-enrollable", "The registry knows "
          + "the person as " + status + "; temporary assistance is paid to living residents.",
          Map.of("registryStatus", status.name()));
    }
    boolean emergency = c.kind() == TemporaryAssistance.Kind.EMERGENCY;
    if (status == PersonStatus.UNAVAILABLE && !emergency) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
          "registry-service's person index did not answer; nothing was recorded. Try again later.");
    }
    LocalDate today = clock.today();
    TemporaryAssistance.Tier tier = c.amount().compareTo(properties.townshipApprovalLimit()) <= 0
        ? TemporaryAssistance.Tier.TOWNSHIP : TemporaryAssistance.Tier.COUNTY;
    long id = transactions.execute(tx -> {
      List<TemporaryAssistance> previous = cases.sameCause(c.nationalIdNumber().value(), c.cause(),
          today.minus(properties.sameCauseInterval()));
      if (!previous.isEmpty()) {
        throw new ProblemException(HttpStatus.CONFLICT, "same-cause-within-year", "The person was assisted for "
            + c.cause() + " on " + previous.get(0).appliedOn() + "; the same cause is assisted once within "
            + properties.sameCauseInterval() + ".", Map.of("previousCaseId", previous.get(0).id()));
      }
      return cases.insert(new TemporaryAssistance(0, c.regionCode(), c.nationalIdNumber().value(), c.name(), c.kind(),
          c.cause(), c.circumstances(), c.amount(), tier,
          emergency ? TemporaryAssistance.Status.PAID_PENDING_APPROVAL : TemporaryAssistance.Status.PENDING_APPROVAL,
          status, today, emergency ? today : null,
          emergency ? addWorkingDays(today, properties.emergencyApprovalWorkingDays()) : null,
          null, null, null, false, caller.id(), null));
    });
    return cases.find(id, false).orElseThrow();
  }

  /** @throws ProblemException 404 if there is no such case within {@code area} */
  public TemporaryAssistance find(long id, RegionScope area) {
    return cases.find(id, false).filter(c -> area.covers(c.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Temporary assistance", id));
  }

  /** A page (from 0) of the cases within {@code area}, ordered by id. */
  public List<TemporaryAssistance> list(RegionScope area, int page, int size) {
    return cases.list(area, page, size);
  }

  /**
   * Approves or refuses a case at its tier: a township caseworker approves only {@code TOWNSHIP} cases. An
   * approved expenditure case is paid on the day of approval; a refused emergency case, already paid, is marked
   * for recovery.
   *
   * @throws ProblemException 404 outside the area; 403 {@code approval-tier} (member {@code tier}); 409
   *     {@code already-decided}; 422 {@code reason-required} for a refusal
   */
  public TemporaryAssistance decide(long id, Caller caller, boolean approve, String reason) {
    transactions.executeWithoutResult(tx -> {
      TemporaryAssistance c = cases.find(id, true).filter(a -> caller.regionScope().covers(a.regionCode()))
          .orElseThrow(() -> ProblemException.notFound("Temporary assistance", id));
      boolean county = caller.hasRole(Role.COUNTY_OFFICER) || caller.hasRole(Role.CITY_ADMINISTRATOR);
      if (c.tier() == TemporaryAssistance.Tier.COUNTY && !county) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "approval-tier", "An amount over "
            + properties.townshipApprovalLimit() + " yuan is approved by the county.", Map.of("tier", c.tier().name()));
      }
      if (c.status() == TemporaryAssistance.Status.APPROVED || c.status() == TemporaryAssistance.Status.REFUSED) {
        throw ProblemException.conflict("already-decided", "Case " + id + " is " + c.status() + ".");
      }
      if (!approve && (reason == null || reason.isBlank())) {
        throw ProblemException.unprocessable("reason-required", "A refusal states its reasons.");
      }
      LocalDate today = clock.today();
      boolean paid = c.paidOn() != null;
      cases.decide(id, approve ? TemporaryAssistance.Status.APPROVED : TemporaryAssistance.Status.REFUSED, today,
          caller.id(), reason == null ? null : reason.strip(), approve ? today : null, !approve && paid);
    });
    return cases.find(id, false).orElseThrow();
  }

  private LocalDate addWorkingDays(LocalDate from, int days) {
    try {
      return calendar.addWorkingDays(from, days);
    } catch (CalendarNotCoveredException notPublished) {
      return null;
    }
  }
}
