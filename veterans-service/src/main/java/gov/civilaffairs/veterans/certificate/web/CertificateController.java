package gov.civilaffairs.veterans.certificate.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.certificate.Certificate;
import gov.civilaffairs.veterans.certificate.Certificates;
import gov.civilaffairs.veterans.certificate.Evidence;
import gov.civilaffairs.veterans.person.EntitledPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates (残疾军人证, 优待证, 烈士证明书, ...) and the evidence of an entitled person's category over REST.
 * Staff see and change only persons registered in their area: anything else answers 404.
 */
@RestController
@Tag(name = "certificates", description = "证件与认定依据: certificates and the evidence for the category")
class CertificateController {

  private final Certificates certificates;
  private final EntitledPersons persons;

  CertificateController(Certificates certificates, EntitledPersons persons) {
    this.certificates = certificates;
    this.persons = persons;
  }

  @PostMapping("/entitled-persons/{nationalIdNumber}/evidence")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a document proving the person's category (a reference, not the file)",
      description = "Example: POST /entitled-persons/330681195203150019/evidence with {\"documentType\":"
          + "\"DISABILITY_ASSESSMENT\",\"reference\":\"浙残评〔2019〕0231号\",\"issuingAuthority\":\"浙江省退役军人事务厅\","
          + "\"issuedOn\":\"2019-05-20\"}. "
          + "201 when recorded; 200 with the recorded one when the same type and reference exist. 400 on "
          + "invalid fields; 404 if the person is unknown or outside the caller's area; 422 issued-on for a future date.")
  @Audited(action = AuditAction.CREATE, objectType = "category-evidence", objectId = "#result?.body?.id()",
      person = "#nationalIdNumber")
  ResponseEntity<Evidence> recordEvidence(
      @Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      @Valid @RequestBody RecordEvidenceRequest request, Caller caller) {
    Certificates.Recorded recorded = certificates.recordEvidence(
        persons.requireInArea(nationalIdNumber, caller.regionScope()), request.documentType(), request.reference(),
        request.issuingAuthority(), request.issuedOn(), caller);
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.evidence());
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/evidence")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The evidence file of the person's category: documents, required types, missing types",
      description = "Example: GET /entitled-persons/330681195203150019/evidence -> the documents recorded, the types "
          + "required for the category and those still missing. 404 if the person is unknown or outside the caller's "
          + "area.")
  @Audited(action = AuditAction.READ, objectType = "category-evidence", person = "#nationalIdNumber")
  Certificates.EvidenceFile evidence(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    return certificates.evidenceOf(persons.requireInArea(nationalIdNumber, caller.regionScope()));
  }

  @PostMapping("/entitled-persons/{nationalIdNumber}/certificates")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Issue a certificate to a living person whose category evidence is complete",
      description = "Example: POST /entitled-persons/330681195203150019/certificates with {\"type\":"
          + "\"DISABLED_VETERAN_CERTIFICATE\",\"number\":\"浙A0012345\",\"issuedOn\":\"2026-03-02\"} -> 201, status VALID. "
          + "201 when issued; 200 with the certificate when the same type and number are already valid "
          + "(retry). 400 on invalid fields; 404 if the person is unknown or outside the caller's area; 409 "
          + "certificate-exists (replace it instead) or certificate-number-taken; 422 person-deceased, "
          + "certificate-type, evidence-incomplete or issued-on.")
  @Audited(action = AuditAction.CREATE, objectType = "certificate", objectId = "#result?.body?.id()",
      person = "#nationalIdNumber")
  ResponseEntity<Certificate> issue(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      @Valid @RequestBody IssueCertificateRequest request, Caller caller) {
    Certificates.Issued issued = certificates.issue(persons.requireInArea(nationalIdNumber, caller.regionScope()),
        request.type(), request.number(), request.issuedOn(), caller);
    return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK).body(issued.certificate());
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/certificates")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The person's certificates, oldest first, with status (VALID, REPLACED, REVOKED)",
      description = "Example: GET /entitled-persons/330681195203150019/certificates -> [{\"type\":"
          + "\"DISABLED_VETERAN_CERTIFICATE\",\"number\":\"浙A0012345\",\"status\":\"VALID\",...}]. "
          + "404 if the person is unknown or outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "certificate", person = "#nationalIdNumber")
  List<Certificate> certificates(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    return certificates.certificatesOf(persons.requireInArea(nationalIdNumber, caller.regionScope()).id());
  }

  @PostMapping("/certificates/{id}/replacement")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Replace a valid certificate (补发 when lost, 换发 when damaged or changed) with a new number",
      description = "Example: POST /certificates/12/replacement with {\"number\":\"浙A0012399\",\"issuedOn\":"
          + "\"2026-09-01\",\"reason\":\"LOST\"} -> 201; certificate 12 becomes REPLACED. "
          + "201 with the new certificate; 200 with it when retried with the same number. 400 on invalid "
          + "fields; 404 if none in the caller's area; 409 certificate-not-valid (already replaced or revoked) or "
          + "certificate-number-taken; 422 person-deceased or issued-on.")
  @Audited(action = AuditAction.UPDATE, objectType = "certificate", objectId = "#id",
      person = "#result?.body?.entitledPersonId()")
  ResponseEntity<Certificate> replace(@Parameter(example = "12") @PathVariable long id,
      @Valid @RequestBody ReplaceCertificateRequest request, Caller caller) {
    Certificate certificate = certificates.require(id);
    if (!caller.regionScope().covers(persons.require(certificate.entitledPersonId()).regionCode())) {
      throw ProblemException.notFound("Certificate", id);
    }
    Certificates.Issued issued = certificates.replace(id, request.number(), request.issuedOn(), request.reason(),
        caller);
    return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK).body(issued.certificate());
  }
}
