package gov.civilaffairs.veterans.certificate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersonDeathRevoked;
import gov.civilaffairs.veterans.person.EntitledPersonDied;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PersonStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of entitled persons (残疾军人证, 优待证, 烈士证明书, ...) and the evidence for their category
 * ({@link CertificatePolicy}): evidence is recorded as references; a certificate is issued once the category's
 * evidence is complete, replaced (补发/换发) with a new number, revoked when the holder dies and restored when the
 * death record is revoked.
 */
@Service
public class Certificates {

  private static final Logger log = LoggerFactory.getLogger(Certificates.class);

  private final CertificateRepository repository;
  private final EntitledPersons persons;
  private final CertificatePolicy policy;
  private final BureauClock clock;

  Certificates(CertificateRepository repository, EntitledPersons persons, CertificatePolicy policy, BureauClock clock) {
    this.repository = repository;
    this.persons = persons;
    this.policy = policy;
    this.clock = clock;
  }

  /** A certificate and whether this call created it (false: a retried request returned the existing one). */
  public record Issued(Certificate certificate, boolean created) {
  }

  /** Evidence and whether this call recorded it (false: the same reference was already recorded). */
  public record Recorded(Evidence evidence, boolean created) {
  }

  /**
   * The evidence of a person's category: the documents recorded, the types the category needs and those missing.
   *
   * @param required evidence types the category needs ({@code veterans.certificates.required-evidence})
   * @param missing required types with no document recorded
   */
  public record EvidenceFile(EntitledCategory category, Set<EvidenceType> required, Set<EvidenceType> missing,
      List<Evidence> documents) {
  }

  /**
   * Records a document proving the person's category. The same type and reference again returns the recorded one.
   *
   * @throws ProblemException 422 {@code issued-on} if the document's date is after today
   */
  @Transactional
  public Recorded recordEvidence(EntitledPerson person, EvidenceType type, String reference, String authority,
      LocalDate issuedOn, Caller caller) {
    checkNotFuture(issuedOn);
    String normalised = reference.strip();
    Optional<Evidence> existing = repository.findEvidence(person.id(), type, normalised);
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    try {
      long id = repository.insertEvidence(person.id(), type, normalised, authority.strip(), issuedOn, caller.id(),
          clock.now());
      return new Recorded(repository.findEvidence(id).orElseThrow(), true);
    } catch (DuplicateKeyException recordedConcurrently) {
      return new Recorded(repository.findEvidence(person.id(), type, normalised).orElseThrow(), false);
    }
  }

  /** The person's evidence file, documents oldest first. */
  public EvidenceFile evidenceOf(EntitledPerson person) {
    List<Evidence> documents = repository.evidenceOf(person.id());
    Set<EvidenceType> required = policy.evidenceOf(person.category());
    Set<EvidenceType> missing = required.isEmpty() ? EnumSet.noneOf(EvidenceType.class) : EnumSet.copyOf(required);
    documents.forEach(document -> missing.remove(document.documentType()));
    return new EvidenceFile(person.category(), sorted(required), missing, documents);
  }

  /**
   * Issues a certificate to a living person. Issuing the same type and number again returns the certificate
   * (a retrying client).
   *
   * @throws ProblemException 422 {@code person-deceased}; 422 {@code certificate-type} if the category does not
   *     hold the type ({@code veterans.certificates.types-by-category}); 422 {@code evidence-incomplete} if the
   *     category's evidence is not all recorded (when {@code veterans.certificates.require-complete-evidence});
   *     422 {@code issued-on} for a date after today; 409 {@code certificate-exists} if the person holds a valid
   *     one of the type with another number (replace it instead); 409 {@code certificate-number-taken} if the
   *     number is another certificate's
   */
  @Transactional
  public Issued issue(EntitledPerson person, CertificateType type, String number, LocalDate issuedOn, Caller caller) {
    EntitledPerson locked = persons.lockByNationalIdNumber(person.nationalIdNumber()).orElseThrow();
    String normalised = number.strip();
    Optional<Certificate> valid = repository.certificatesOf(locked.id()).stream()
        .filter(certificate -> certificate.type() == type && certificate.status() == CertificateStatus.VALID)
        .findFirst();
    if (valid.isPresent() && valid.get().number().equals(normalised)) {
      return new Issued(valid.get(), false);
    }
    checkLiving(locked);
    if (!policy.typesOf(locked.category()).contains(type)) {
      throw ProblemException.unprocessable("certificate-type", locked.category() + " holds "
          + sorted(policy.typesOf(locked.category())) + ", not " + type + " (veterans.certificates.types-by-category)");
    }
    if (policy.requireCompleteEvidence()) {
      Set<EvidenceType> missing = evidenceOf(locked).missing();
      if (!missing.isEmpty()) {
        throw ProblemException.unprocessable("evidence-incomplete", "Evidence for " + locked.category()
            + " is missing: " + missing + " (veterans.certificates.required-evidence)");
      }
    }
    checkNotFuture(issuedOn);
    if (valid.isPresent()) {
      throw ProblemException.conflict("certificate-exists", "The person holds valid " + type + " "
          + valid.get().id() + "; replace it (POST /certificates/" + valid.get().id() + "/replacement)");
    }
    long id = insert(locked.id(), type, normalised, issuedOn, null, null, caller);
    return new Issued(repository.findCertificate(id, false).orElseThrow(), true);
  }

  /**
   * Replaces a valid certificate (补发 when lost, 换发 when damaged or its details changed): the old one becomes
   * REPLACED, the new one VALID with {@code replacesId}. Replacing again with the same new number returns the
   * replacement (a retrying client).
   *
   * @throws ProblemException 404 if there is no such certificate; 409 {@code certificate-not-valid} if it is
   *     already replaced or revoked; 422 {@code person-deceased}; 422 {@code issued-on} for a date after today;
   *     409 {@code certificate-number-taken}
   */
  @Transactional
  public Issued replace(long certificateId, String number, LocalDate issuedOn, ReplacementReason reason,
      Caller caller) {
    Certificate old = repository.findCertificate(certificateId, true)
        .orElseThrow(() -> ProblemException.notFound("Certificate", certificateId));
    String normalised = number.strip();
    if (old.status() == CertificateStatus.REPLACED) {
      Optional<Certificate> replacement = repository.findReplacementOf(old.id());
      if (replacement.isPresent() && replacement.get().number().equals(normalised)) {
        return new Issued(replacement.get(), false);
      }
    }
    if (old.status() != CertificateStatus.VALID) {
      throw ProblemException.conflict("certificate-not-valid", "Certificate " + certificateId + " is "
          + old.status() + " and cannot be replaced");
    }
    checkLiving(persons.require(old.entitledPersonId()));
    checkNotFuture(issuedOn);
    repository.markReplaced(old.id());
    long id = insert(old.entitledPersonId(), old.type(), normalised, issuedOn, old.id(), reason, caller);
    return new Issued(repository.findCertificate(id, false).orElseThrow(), true);
  }

  /** The certificate with this id. @throws ProblemException 404 if there is none */
  public Certificate require(long id) {
    return repository.findCertificate(id, false).orElseThrow(() -> ProblemException.notFound("Certificate", id));
  }

  /** The person's certificates, oldest first, whatever their status. */
  public List<Certificate> certificatesOf(long personId) {
    return repository.certificatesOf(personId);
  }

  /**
   * A death revokes the holder's valid certificates of the types in {@code veterans.certificates.revoked-on-death}
   * (注销/收回), in the death's transaction.
   */
  @EventListener
  void on(EntitledPersonDied died) {
    int revoked = repository.revokeForDeath(died.entitledPersonId(),
        policy.revokedOnDeath().stream().map(Enum::name).sorted().toList(), died.deathRecordId(), clock.now());
    log.info("Death record {} revoked {} certificate(s) of entitled person {}", died.deathRecordId(), revoked,
        died.entitledPersonId());
  }

  /** A revoked death record restores the certificates it revoked, in the revocation's transaction. */
  @EventListener
  void on(EntitledPersonDeathRevoked revoked) {
    int restored = repository.restoreAfterRevocation(revoked.entitledPersonId(), revoked.deathRecordId());
    log.info("Revoked death record {} restored {} certificate(s) of entitled person {}", revoked.deathRecordId(),
        restored, revoked.entitledPersonId());
  }

  private long insert(long personId, CertificateType type, String number, LocalDate issuedOn, Long replacesId,
      ReplacementReason reason, Caller caller) {
    try {
      return repository.insertCertificate(personId, type, number, issuedOn, replacesId, reason, caller.id(), clock.now());
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("certificate-number-taken", type + " number " + number
          + " belongs to another certificate");
    }
  }

  private void checkLiving(EntitledPerson person) {
    if (person.status() == PersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "Entitled person " + person.id() + " is deceased");
    }
  }

  private void checkNotFuture(LocalDate issuedOn) {
    if (issuedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("issued-on", "issuedOn " + issuedOn + " is after today " + clock.today());
    }
  }

  private static <T extends Enum<T>> Set<T> sorted(Set<T> values) {
    return new TreeSet<>(values);
  }
}
