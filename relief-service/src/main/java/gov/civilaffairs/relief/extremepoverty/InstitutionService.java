package gov.civilaffairs.relief.extremepoverty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support institutions for extreme-poverty persons and their residents (国发〔2016〕14号:
 * 集中供养 in a 供养服务机构; 国发〔2016〕14号: persons unable to care for themselves are preferably supported in an
 * institution), institution-linked home support (户院挂钩: a person supported at home whom an institution looks
 * after by visits; local practice), and the rates the bureau reports (集中供养率, 入住率).
 *
 * <p>Rules: only a supported person is admitted; a person lives in one institution at a time; an institution
 * admits no more residents than its beds; admission makes the support institutional and ends an institution link;
 * a discharge home makes it home support again; a transfer discharges and admits in one step; a death discharges
 * through the registry's event only (the death rule). A link is made only for a person supported at home.
 */
@Service
public class InstitutionService {

  private final InstitutionRepository institutions;
  private final ExtremePovertyRepository cases;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final TransactionTemplate transactions;

  InstitutionService(InstitutionRepository institutions, ExtremePovertyRepository cases, RegionDirectory regions,
      BureauClock clock, TransactionTemplate transactions) {
    this.institutions = institutions;
    this.cases = cases;
    this.regions = regions;
    this.clock = clock;
    this.transactions = transactions;
  }

  /**
   * Records an institution.
   *
   * @throws ProblemException 422 {@code unknown-region} (not a known township or village); 409
   *     {@code duplicate-institution} (same name in the same region)
   */
  public SupportInstitution register(String regionCode, String name, int beds, Caller caller) {
    if (regions.find(regionCode)
        .filter(r -> r.level() == RegionLevel.TOWNSHIP || r.level() == RegionLevel.VILLAGE).isEmpty()) {
      throw ProblemException.unprocessable("unknown-region",
          "Region code " + regionCode + " is not a known township or village.");
    }
    long id = transactions.execute(tx -> {
      if (institutions.institutionNamed(regionCode, name)) {
        throw ProblemException.conflict("duplicate-institution", "An institution named " + name + " is already "
            + "recorded in " + regionCode + ".");
      }
      return institutions.insertInstitution(regionCode, name, beds, caller.id());
    });
    return institutions.institution(id).orElseThrow();
  }

  /** @throws ProblemException 404 if there is no such institution within {@code area} */
  public SupportInstitution institution(long id, RegionScope area) {
    return institutions.institution(id).filter(i -> area.covers(i.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Support institution", id));
  }

  public List<SupportInstitution> institutions(RegionScope area, int page, int size) {
    return institutions.institutions(area, page, size);
  }

  /**
   * Changes the number of beds.
   *
   * @throws ProblemException 404 outside the area; 409 {@code beds-below-occupancy}
   */
  public SupportInstitution beds(long id, int beds, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      institution(id, caller.regionScope());
      institutions.lockInstitution(id);
      int occupied = institutions.institution(id).orElseThrow().occupiedBeds();
      if (beds < occupied) {
        throw new ProblemException(HttpStatus.CONFLICT, "beds-below-occupancy", "The institution has " + occupied
            + " residents; it cannot have fewer beds.", Map.of("occupiedBeds", occupied));
      }
      institutions.beds(id, beds);
    });
    return institutions.institution(id).orElseThrow();
  }

  /**
   * Admits a supported person (入院, 集中供养).
   *
   * @throws ProblemException 404 institution or case outside the area; 409 {@code not-supported} (the case is not
   *     {@code SUPPORTED}), {@code already-resident} (member {@code residenceId}), {@code no-free-bed}; 422
   *     {@code date-in-future}, {@code admission-before-determination}
   */
  public Residence admit(long institutionId, long caseId, LocalDate admittedOn, Caller caller) {
    long id = transactions.execute(tx -> admitLocked(institutionId, caseId, admittedOn, caller));
    return institutions.residence(id).orElseThrow();
  }

  private long admitLocked(long institutionId, long caseId, LocalDate admittedOn, Caller caller) {
    institution(institutionId, caller.regionScope());
    ExtremePovertyCase c = supportedCase(caseId, caller);
    if (admittedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "admittedOn " + admittedOn + " is after today.");
    }
    if (admittedOn.isBefore(c.decidedOn())) {
      throw ProblemException.unprocessable("admission-before-determination", "admittedOn " + admittedOn
          + " is before the determination on " + c.decidedOn() + ".");
    }
    institutions.currentResidence(caseId).ifPresent(r -> {
      throw new ProblemException(HttpStatus.CONFLICT, "already-resident", "The person lives in institution "
          + r.institutionId() + " since " + r.admittedOn() + ".", Map.of("residenceId", r.id()));
    });
    institutions.lockInstitution(institutionId);
    SupportInstitution institution = institutions.institution(institutionId).orElseThrow();
    if (institution.occupiedBeds() >= institution.beds()) {
      throw new ProblemException(HttpStatus.CONFLICT, "no-free-bed", institution.name() + " has no free bed ("
          + institution.beds() + " beds).", Map.of("beds", institution.beds()));
    }
    institutions.currentLink(caseId).ifPresent(l -> institutions.endLink(l.id(), admittedOn));
    cases.supportMode(caseId, ExtremePovertyCase.SupportMode.INSTITUTIONAL);
    return institutions.admit(institutionId, caseId, admittedOn, caller.id());
  }

  /**
   * Discharges a resident home ({@code RETURNED_HOME}: home support from then on) or to another institution
   * ({@code TRANSFERRED}, admitted there the same day, in the same transaction).
   *
   * @throws ProblemException 404 residence not in this institution or outside the area; 409
   *     {@code already-discharged}; 422 {@code date-in-future}, {@code discharge-before-admission},
   *     {@code death-through-registry} (a death is recorded by registry-service), {@code transfer-target-required}
   */
  public Residence discharge(long institutionId, long residenceId, LocalDate dischargedOn,
      Residence.DischargeReason reason, Long toInstitutionId, String note, Caller caller) {
    transactions.executeWithoutResult(tx -> {
      institution(institutionId, caller.regionScope());
      Residence r = institutions.residence(residenceId).filter(x -> x.institutionId() == institutionId)
          .orElseThrow(() -> ProblemException.notFound("Residence", residenceId));
      supportedCase(r.caseId(), caller);
      if (r.dischargedOn() != null) {
        throw ProblemException.conflict("already-discharged", "Residence " + residenceId + " ended on "
            + r.dischargedOn() + ".");
      }
      if (reason == Residence.DischargeReason.DEATH) {
        throw ProblemException.unprocessable("death-through-registry", "A death is recorded by registry-service; "
            + "its event discharges the resident (the death rule).");
      }
      if (dischargedOn.isAfter(clock.today())) {
        throw ProblemException.unprocessable("date-in-future", "dischargedOn " + dischargedOn + " is after today.");
      }
      if (dischargedOn.isBefore(r.admittedOn())) {
        throw ProblemException.unprocessable("discharge-before-admission", "dischargedOn " + dischargedOn
            + " is before the admission on " + r.admittedOn() + ".");
      }
      boolean transfer = reason == Residence.DischargeReason.TRANSFERRED;
      if (transfer && (toInstitutionId == null || toInstitutionId == institutionId)) {
        throw ProblemException.unprocessable("transfer-target-required",
            "A transfer names another institution in toInstitutionId.");
      }
      institutions.discharge(residenceId, dischargedOn, reason, note, null);
      if (transfer) {
        admitLocked(toInstitutionId, r.caseId(), dischargedOn, caller);
      } else {
        cases.supportMode(r.caseId(), ExtremePovertyCase.SupportMode.HOME);
      }
    });
    return institutions.residence(residenceId).orElseThrow();
  }

  /** Residents (current only, or every stay) of an institution within the area, ordered by residence id. */
  public List<Residence> residents(long institutionId, boolean currentOnly, int page, int size, RegionScope area) {
    institution(institutionId, area);
    return institutions.residents(institutionId, currentOnly, page, size);
  }

  /**
   * Links a person supported at home to an institution (户院挂钩).
   *
   * @throws ProblemException 404 case or institution outside the area; 409 {@code not-supported},
   *     {@code resident} (lives in an institution), {@code already-linked} (member {@code linkId}); 422
   *     {@code date-in-future}
   */
  public InstitutionLink link(long caseId, long institutionId, InstitutionLink.Reason reason, LocalDate linkedOn,
      Caller caller) {
    long id = transactions.execute(tx -> {
      ExtremePovertyCase c = supportedCase(caseId, caller);
      institution(institutionId, caller.regionScope());
      if (linkedOn.isAfter(clock.today())) {
        throw ProblemException.unprocessable("date-in-future", "linkedOn " + linkedOn + " is after today.");
      }
      if (c.supportMode() == ExtremePovertyCase.SupportMode.INSTITUTIONAL
          || institutions.currentResidence(caseId).isPresent()) {
        throw ProblemException.conflict("resident", "The person is supported in an institution; a link is for "
            + "home support.");
      }
      institutions.currentLink(caseId).ifPresent(l -> {
        throw new ProblemException(HttpStatus.CONFLICT, "already-linked", "The person is linked to institution "
            + l.institutionId() + " since " + l.linkedOn() + ".", Map.of("linkId", l.id()));
      });
      return institutions.link(institutionId, caseId, reason, linkedOn, caller.id());
    });
    return institutions.linksOfCase(caseId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
  }

  /**
   * Ends the person's institution link.
   *
   * @throws ProblemException 404 outside the area or no current link; 422 {@code date-in-future},
   *     {@code end-before-link}
   */
  public InstitutionLink endLink(long caseId, LocalDate endedOn, Caller caller) {
    long id = transactions.execute(tx -> {
      locatedCase(caseId, caller);
      InstitutionLink l = institutions.currentLink(caseId)
          .orElseThrow(() -> ProblemException.notFound("Institution link of case", caseId));
      if (endedOn.isAfter(clock.today())) {
        throw ProblemException.unprocessable("date-in-future", "endedOn " + endedOn + " is after today.");
      }
      if (endedOn.isBefore(l.linkedOn())) {
        throw ProblemException.unprocessable("end-before-link", "endedOn is before linkedOn " + l.linkedOn() + ".");
      }
      institutions.endLink(l.id(), endedOn);
      return l.id();
    });
    return institutions.linksOfCase(caseId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
  }

  /** The case's stays and links, oldest first. @throws ProblemException 404 outside the area */
  public SupportHistory history(long caseId, RegionScope area) {
    cases.find(caseId, false).filter(c -> area.covers(c.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Extreme-poverty case", caseId));
    return new SupportHistory(institutions.residencesOfCase(caseId), institutions.linksOfCase(caseId));
  }

  /** A case's residences and institution links. */
  public record SupportHistory(List<Residence> residences, List<InstitutionLink> links) {
  }

  /**
   * Supported persons, institutional and home support, institution links, beds and the rates, now, within
   * {@code area} (persons by the case's region, beds by the institution's region).
   */
  public SupportRates rates(RegionScope area, String regionCode) {
    return institutions.rates(area, regionCode);
  }

  private ExtremePovertyCase locatedCase(long caseId, Caller caller) {
    return cases.find(caseId, true).filter(c -> caller.regionScope().covers(c.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Extreme-poverty case", caseId));
  }

  private ExtremePovertyCase supportedCase(long caseId, Caller caller) {
    ExtremePovertyCase c = locatedCase(caseId, caller);
    if (c.status() != ExtremePovertyCase.Status.SUPPORTED) {
      throw ProblemException.conflict("not-supported", "Case " + caseId + " is " + c.status()
          + "; only a supported person is admitted, discharged or linked.");
    }
    return c;
  }
}
