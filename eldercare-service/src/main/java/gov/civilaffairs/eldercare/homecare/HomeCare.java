package gov.civilaffairs.eldercare.homecare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gov.civilaffairs.eldercare.homecare.HomeCareOrder.PaymentKind;
import gov.civilaffairs.eldercare.homecare.HomeCareOrder.ServiceType;
import gov.civilaffairs.eldercare.homecare.HomeCareOrder.Status;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Home-care stations (居家养老服务站) of communities and their service orders: a service type, a payment kind
 * (government-paid, low-cost, volunteer), a provider, a time, an outcome. On a death the person's OPEN orders are
 * cancelled (DOMAIN.md death rule 5) and re-opened when the death record is revoked (rule 7).
 */
@Service
public class HomeCare {

  private final HomeCareRepository repository;
  private final RegionDirectory regions;
  private final BureauClock clock;

  HomeCare(HomeCareRepository repository, RegionDirectory regions, BureauClock clock) {
    this.repository = repository;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Opens a station in a community.
   *
   * @throws ProblemException 422 {@code not-a-village} or unknown region, {@code future-date}
   */
  @Transactional
  public HomeCareStation openStation(String name, String regionCode, String operator, LocalDate openedOn) {
    if (regions.require(regionCode).level() != RegionLevel.VILLAGE) {
      throw ProblemException.unprocessable("not-a-village", "Region " + regionCode
          + " is not a community or village (12-digit GB/T 2260 code).");
    }
    if (openedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "openedOn: " + openedOn + " is after today.");
    }
    return repository.station(repository.insertStation(name, regionCode, operator, openedOn, clock.now())).orElseThrow();
  }

  /** @throws ProblemException 404 when there is no such station or it lies outside {@code area} */
  public HomeCareStation station(long id, RegionScope area) {
    return repository.station(id).filter(station -> area.covers(station.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Home-care station", id));
  }

  /** A page of the stations within {@code area} (filtered in SQL), in id order. */
  public List<HomeCareStation> stations(RegionScope area, long afterId, int size) {
    return repository.stations(area, afterId, size);
  }

  /**
   * Places an order.
   *
   * @param fee yuan paid by the person: required and positive for LOW_COST, absent or 0 otherwise
   * @throws ProblemException 422 {@code person-deceased}; 422 {@code fee-required} or {@code fee-not-allowed}
   */
  @Transactional
  public HomeCareOrder order(HomeCareStation station, ElderlyPerson person, ServiceType type, PaymentKind payment,
      BigDecimal fee, String provider, Instant scheduledAt) {
    if (person.status() == ElderlyPersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "No service is ordered for a deceased person.");
    }
    if (payment == PaymentKind.LOW_COST && (fee == null || fee.signum() <= 0)) {
      throw ProblemException.unprocessable("fee-required", "fee: a LOW_COST service has a fee above 0.");
    }
    if (payment != PaymentKind.LOW_COST && fee != null && fee.signum() != 0) {
      throw ProblemException.unprocessable("fee-not-allowed", "fee: a " + payment + " service is free to the person.");
    }
    BigDecimal amount = fee == null ? new BigDecimal("0.00") : fee.setScale(2);
    return repository.order(repository.insertOrder(station.id(), person.id(), type, payment, amount, provider,
        scheduledAt, clock.now())).orElseThrow();
  }

  /** @throws ProblemException 404 for an order not of this station */
  public HomeCareOrder order(HomeCareStation station, long orderId) {
    return repository.order(orderId).filter(order -> order.stationId() == station.id())
        .orElseThrow(() -> ProblemException.notFound("Home-care order", orderId));
  }

  /** A page of the station's orders, optionally of one status, in id order. */
  public List<HomeCareOrder> orders(HomeCareStation station, Status status, long afterId, int size) {
    return repository.orders(station.id(), status, afterId, size);
  }

  /**
   * Completes an OPEN order with its outcome, now.
   *
   * @throws ProblemException 404; 409 {@code order-not-open}
   */
  @Transactional
  public HomeCareOrder complete(HomeCareStation station, long orderId, String outcome) {
    return close(station, orderId, Status.COMPLETED, outcome);
  }

  /**
   * Cancels an OPEN order with the reason, now.
   *
   * @throws ProblemException 404; 409 {@code order-not-open}
   */
  @Transactional
  public HomeCareOrder cancel(HomeCareStation station, long orderId, String reason) {
    return close(station, orderId, Status.CANCELLED, reason);
  }

  /** Cancels the person's OPEN orders because of a death record. @return the orders cancelled */
  @Transactional
  public List<HomeCareOrder> cancelForDeath(ElderlyPerson person, long deathRecordId) {
    List<HomeCareOrder> open = repository.openOrdersOf(person.id());
    open.forEach(order -> repository.close(order.id(), Status.CANCELLED, "person deceased (death record "
        + deathRecordId + ")", clock.now(), deathRecordId));
    return open;
  }

  /**
   * {@link #cancelForDeath} for a poll's deaths at once (issue 4): one query reads the persons' OPEN orders, one
   * UPDATE cancels them (rows locked in id order).
   *
   * @param deaths of distinct persons
   * @return person id to the orders cancelled, in id order; persons without an OPEN order are absent
   */
  @Transactional
  public Map<Long, List<HomeCareOrder>> cancelForDeaths(List<PersonDeath> deaths) {
    Map<Long, Long> deathRecordOf = new HashMap<>();
    deaths.forEach(death -> deathRecordOf.put(death.person().id(), death.deathRecordId()));
    Map<Long, List<HomeCareOrder>> open = new HashMap<>();
    Map<Long, String> outcomes = new TreeMap<>();
    Map<Long, Long> cancelledBy = new TreeMap<>();
    for (HomeCareOrder order : repository.openOrdersOf(deathRecordOf.keySet())) {
      long deathRecordId = deathRecordOf.get(order.personId());
      open.computeIfAbsent(order.personId(), person -> new ArrayList<>()).add(order);
      outcomes.put(order.id(), "person deceased (death record " + deathRecordId + ")");
      cancelledBy.put(order.id(), deathRecordId);
    }
    repository.cancelAll(outcomes, cancelledBy, clock.now());
    return open;
  }

  /** Re-opens the orders this death record cancelled. @return the orders re-opened */
  @Transactional
  public List<HomeCareOrder> reopenAfterRevocation(ElderlyPerson person, long deathRecordId) {
    List<HomeCareOrder> cancelled = repository.ordersCancelledBy(person.id(), deathRecordId);
    cancelled.forEach(order -> repository.reopen(order.id()));
    return cancelled;
  }

  private HomeCareOrder close(HomeCareStation station, long orderId, Status status, String text) {
    order(station, orderId);
    if (!repository.close(orderId, status, text, clock.now(), null)) {
      throw ProblemException.conflict("order-not-open", "The order is " + order(station, orderId).status() + ".");
    }
    return order(station, orderId);
  }
}
