package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.eldercare.institution.CareInstitution.Ownership;
import gov.civilaffairs.eldercare.institution.CareInstitution.RegistrationStatus;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care institutions (养老机构): filing (备案, 养老机构管理办法 民政部令第66号 ch. 2), beds, and the tracking of a
 * private institution told to re-register (重新备案 after a change of its filed particulars, same rules) until it
 * does. Every read and change is checked against the caller's area (issue 3): outside it the institution does
 * not exist (404).
 */
@Service
public class CareInstitutions {

  private final CareInstitutionRepository repository;
  private final RegionDirectory regions;
  private final BureauClock clock;

  CareInstitutions(CareInstitutionRepository repository, RegionDirectory regions, BureauClock clock) {
    this.repository = repository;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Registers (files) an institution.
   *
   * @param regionCode a known township (9 digits) or village (12 digits) of GB/T 2260
   * @throws ProblemException 422 {@code not-a-township-or-village} or unknown region, 422 {@code future-date}
   *     for a filing date after today; 409 {@code duplicate} for a filing number in use
   */
  @Transactional
  public CareInstitution register(String name, Ownership ownership, String regionCode, String filingNumber, int beds,
      LocalDate registeredOn) {
    RegionLevel level = regions.require(regionCode).level();
    if (level != RegionLevel.TOWNSHIP && level != RegionLevel.VILLAGE) {
      throw ProblemException.unprocessable("not-a-township-or-village",
          "Region " + regionCode + " is not a township (9 digits) or village (12 digits) of GB/T 2260.");
    }
    notAfterToday("registeredOn", registeredOn);
    long id = repository.insert(name, ownership, regionCode, filingNumber, beds, registeredOn, clock.now());
    return repository.find(id).orElseThrow();
  }

  /** @throws ProblemException 404 when there is no such institution or it lies outside {@code area} */
  public CareInstitution require(long id, RegionScope area) {
    return repository.find(id).filter(institution -> area.covers(institution.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Care institution", id));
  }

  /** A page of the institutions within {@code area} (filtered in SQL), optionally of one registration status. */
  public List<CareInstitution> page(RegionScope area, RegistrationStatus status, long afterId, int size) {
    return repository.page(area, status, afterId, size);
  }

  /** Beds taken by residents living there now. */
  public int occupiedBeds(CareInstitution institution) {
    return repository.occupiedBeds(institution.id());
  }

  /**
   * Sets the number of beds.
   *
   * @throws ProblemException 422 {@code beds-below-residents} when fewer than the residents living there
   */
  @Transactional
  public CareInstitution changeBeds(CareInstitution institution, int beds) {
    repository.lock(institution.id());
    int occupied = repository.occupiedBeds(institution.id());
    if (beds < occupied) {
      throw ProblemException.unprocessable("beds-below-residents",
          "beds: " + beds + " is fewer than the " + occupied + " residents living there.");
    }
    repository.updateBeds(institution.id(), beds);
    return repository.find(institution.id()).orElseThrow();
  }

  /**
   * Tells a private institution to re-register by a deadline; its status is RE_REGISTRATION_REQUIRED until it does.
   *
   * @throws ProblemException 422 {@code not-private} for a public institution, 422 {@code deadline-not-after-order}
   *     or {@code future-date}; 409 {@code re-registration-pending} while an order is open
   */
  @Transactional
  public ReRegistrationOrder orderReRegistration(CareInstitution institution, LocalDate orderedOn, String reason,
      LocalDate deadline) {
    if (institution.ownership() != Ownership.PRIVATE) {
      throw ProblemException.unprocessable("not-private", "Only a private (民办) institution is told to re-register.");
    }
    notAfterToday("orderedOn", orderedOn);
    if (!deadline.isAfter(orderedOn)) {
      throw ProblemException.unprocessable("deadline-not-after-order", "deadline must be after orderedOn.");
    }
    repository.lock(institution.id());
    if (repository.openReRegistrationOrder(institution.id()).isPresent()) {
      throw ProblemException.conflict("re-registration-pending", "The institution has an open re-registration order.");
    }
    long id = repository.insertReRegistrationOrder(institution.id(), orderedOn, reason, deadline);
    repository.updateRegistration(institution.id(), RegistrationStatus.RE_REGISTRATION_REQUIRED, null);
    return reRegistrationOrders(institution).stream().filter(order -> order.id() == id).findFirst().orElseThrow();
  }

  /**
   * Records that the institution re-registered: closes the open order, stores the new filing number and sets the
   * institution REGISTERED again.
   *
   * @throws ProblemException 409 {@code no-re-registration-pending} without an open order; 422 {@code future-date}
   *     or {@code before-order}; 409 {@code duplicate} for a filing number in use
   */
  @Transactional
  public ReRegistrationOrder reRegister(CareInstitution institution, LocalDate reRegisteredOn, String newFilingNumber) {
    repository.lock(institution.id());
    var order = repository.openReRegistrationOrder(institution.id()).orElseThrow(() -> ProblemException.conflict(
        "no-re-registration-pending", "The institution has no open re-registration order."));
    notAfterToday("reRegisteredOn", reRegisteredOn);
    if (reRegisteredOn.isBefore(order.orderedOn())) {
      throw ProblemException.unprocessable("before-order", "reRegisteredOn is before the order of " + order.orderedOn());
    }
    repository.updateRegistration(institution.id(), RegistrationStatus.REGISTERED, newFilingNumber);
    repository.closeReRegistrationOrder(order.id(), reRegisteredOn, newFilingNumber);
    return reRegistrationOrders(institution).stream().filter(o -> o.id() == order.id()).findFirst().orElseThrow();
  }

  /** The institution's re-registration orders, oldest first, each with whether it is overdue today. */
  public List<ReRegistrationOrder> reRegistrationOrders(CareInstitution institution) {
    LocalDate today = clock.today();
    return repository.reRegistrationOrders(institution.id()).stream().map(row -> row.as(today)).toList();
  }

  private void notAfterToday(String field, LocalDate date) {
    if (date.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", field + ": " + date + " is after today (" + clock.today()
          + ", Asia/Shanghai).");
    }
  }
}
